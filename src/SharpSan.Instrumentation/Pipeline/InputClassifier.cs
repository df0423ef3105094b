using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>Why an input file is not rewritten.</summary>
public sealed record Refusal(string Reason);

/// <summary>
/// Looks at a file with System.Reflection.Metadata before Cecil touches it, and refuses what must not be
/// rewritten: non-.NET files, mixed-mode images, reference assemblies, files already instrumented.
/// </summary>
public static class InputClassifier
{
    public const string StampKey = "SharpSan.Instrumented";

    public static Refusal? Check(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return new Refusal("not a .NET assembly (no CLI metadata)");
            var corHeader = pe.PEHeaders.CorHeader!;
            if ((corHeader.Flags & CorFlags.ILOnly) == 0 && !IsReadyToRun(pe.PEHeaders))
                return new Refusal("mixed-mode assembly (contains native code); only IL-only assemblies can be rewritten");
            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly) return new Refusal("a module without an assembly manifest");
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                string name = AttributeName(reader, attribute);
                if (name == "System.Runtime.CompilerServices.ReferenceAssemblyAttribute")
                    return new Refusal("reference assembly (metadata only, no code to run)");
                if (name == "System.Reflection.AssemblyMetadataAttribute" && DecodeFirstString(reader, attribute) == StampKey)
                    return new Refusal("already instrumented by SharpSan (refusing to rewrite twice)");
            }
            return null;
        }
        catch (BadImageFormatException e)
        {
            return new Refusal($"malformed image: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return new Refusal($"malformed metadata: {e.Message}");
        }
    }

    /// <summary>
    /// A ReadyToRun image (crossgen2, `PublishReadyToRun`) keeps all its IL beside the precompiled code, marked by the
    /// IL-library flag and a managed native header: it is rewritten as IL only (the runtime then JIT-compiles it), unlike
    /// a C++/CLI image whose native code has no IL.
    /// </summary>
    public static bool IsReadyToRun(PEHeaders headers) =>
        headers.CorHeader is { } cor && (cor.Flags & CorFlags.ILLibrary) != 0 && cor.ManagedNativeHeaderDirectory.Size > 0;

    static string AttributeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => Name(reader, reader.GetTypeReference((TypeReferenceHandle)type)),
            HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace) + "." +
                                         reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => "",
        };
    }

    static string Name(MetadataReader reader, TypeReference t) => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name);

    static string? DecodeFirstString(MetadataReader reader, CustomAttribute attribute)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 3 || blob.ReadUInt16() != 1) return null;
        return blob.ReadSerializedString();
    }
}
