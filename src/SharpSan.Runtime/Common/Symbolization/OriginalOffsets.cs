using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SharpSan.Runtime.Common.Symbolization;

/// <summary>
/// Maps an IL offset of a rewritten method (what site constants and shadow-stack frames carry) back to the offset of
/// the same instruction in the original method, the one reports print. The rewriter's table (SharpSan.Instrumentation's
/// Pipeline.OriginalOffsetTable, whose layout this reads) is the initial data of a static field of a generated type;
/// it is read from the file on the first report that needs this module and never on a hot path.
/// An offset missing from the table did not change (the rewriter leaves those out).
/// </summary>
internal sealed class OriginalOffsets
{
    const string TypeNamespace = "<SharpSan>";
    const string TypeName = "OriginalIlOffsets";
    const string FieldName = "Table";

    public static readonly OriginalOffsets None = new([]);

    // Per MethodDef row id: rewritten offsets (ascending) and the original offsets at the same index.
    readonly Dictionary<int, (int[] Rewritten, int[] Original)> _methods;

    OriginalOffsets(Dictionary<int, (int[], int[])> methods) => _methods = methods;

    public int Original(int rid, int rewrittenOffset)
    {
        if (!_methods.TryGetValue(rid, out var map)) return rewrittenOffset;
        int at = Array.BinarySearch(map.Rewritten, rewrittenOffset);
        return at >= 0 ? map.Original[at] : rewrittenOffset;
    }

    /// <summary>The module's table; <see cref="None"/> when it has none (nothing moved) or it cannot be read.</summary>
    public static OriginalOffsets Read(PEReader pe, MetadataReader metadata)
    {
        try
        {
            int rva = TableRva(metadata);
            if (rva == 0) return None;
            var block = pe.GetSectionData(rva).GetReader();
            int length = block.ReadInt32();
            return new OriginalOffsets(Decode(new BinaryReader(new MemoryStream(block.ReadBytes(length)))));
        }
        catch (Exception)
        {
            return None;   // a damaged table costs the original offsets, never the report
        }
    }

    static int TableRva(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!metadata.StringComparer.Equals(type.Namespace, TypeNamespace) || !metadata.StringComparer.Equals(type.Name, TypeName)) continue;
            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                if (metadata.StringComparer.Equals(field.Name, FieldName)) return field.GetRelativeVirtualAddress();
            }
        }
        return 0;
    }

    static Dictionary<int, (int[], int[])> Decode(BinaryReader r)
    {
        var methods = new Dictionary<int, (int[], int[])>();
        int count = r.Read7BitEncodedInt();
        int rid = 0;
        for (int m = 0; m < count; m++)
        {
            rid += r.Read7BitEncodedInt();
            int pairs = r.Read7BitEncodedInt();
            var rewritten = new int[pairs];
            var original = new int[pairs];
            int offset = 0;
            for (int k = 0; k < pairs; k++)
            {
                offset += r.Read7BitEncodedInt();
                rewritten[k] = offset;
                original[k] = r.Read7BitEncodedInt();
            }
            methods[rid] = (rewritten, original);
        }
        return methods;
    }
}
