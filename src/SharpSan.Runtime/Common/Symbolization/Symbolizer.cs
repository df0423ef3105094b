using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Common.Symbolization;

/// <summary>A frame ready to print. Its IL offset is the instruction's offset in the original method body (as ildasm shows it).</summary>
public sealed record SymbolizedFrame(int IlOffset, string Method, string? File, int Line, string ModuleName)
{
    public string Location => File is null ? $"({ModuleName}+0x{IlOffset:x4})" : $"{File}:{Line}";
}

/// <summary>
/// Turns (module, method, IL offset) into method signature and file:line using System.Reflection.Metadata
/// over the instrumented assembly and its portable PDB. Runs only when a report is printed.
/// Frames carry offsets in the rewritten body: file:line comes from them (the rewritten PDB's sequence points sit at
/// the rewritten offsets), and the printed offset is mapped back to the original body (<see cref="OriginalOffsets"/>).
/// </summary>
public static class Symbolizer
{
    static readonly Dictionary<int, ModuleSymbols?> s_modules = [];

    public static SymbolizedFrame Symbolize(StackFrame frame)
    {
        if (frame.FrameKey == StackFrame.SyntheticKey)
            return new SymbolizedFrame(0, SyntheticFrames.Name(frame.IlOffset), null, 0, "SharpSan.Runtime");
        ModuleSymbols? symbols;
        lock (s_modules)
        {
            if (!s_modules.TryGetValue(frame.ModuleId, out symbols))
                s_modules[frame.ModuleId] = symbols = ModuleSymbols.TryLoad(ModuleRegistry.Get(frame.ModuleId));
        }
        if (symbols is null)
            return new SymbolizedFrame(frame.IlOffset, $"<unknown method 0x{frame.FrameKey:x8}>", null, 0, "?");
        return symbols.Symbolize(frame.MethodRid, frame.IlOffset);
    }

    static readonly Dictionary<string, ModuleSymbols?> s_files = new(StringComparer.Ordinal);

    /// <summary>A frame of a module known by its file (guard mode's frames, read from another process): method token, IL offset.</summary>
    public static SymbolizedFrame SymbolizeInFile(string path, int methodToken, int ilOffset)
    {
        ModuleSymbols? symbols;
        lock (s_files)
        {
            if (!s_files.TryGetValue(path, out symbols)) s_files[path] = symbols = ModuleSymbols.TryLoad(path);
        }
        return symbols?.Symbolize(methodToken & 0xFFFFFF, ilOffset)
            ?? new SymbolizedFrame(ilOffset, $"<method 0x{methodToken:x8}>", null, 0, System.IO.Path.GetFileName(path));
    }

    sealed class ModuleSymbols
    {
        readonly MetadataReader _metadata;
        readonly MetadataReader? _pdb;
        readonly OriginalOffsets _originalOffsets;
        readonly string _moduleName;
        readonly Dictionary<int, string> _names = [];

        ModuleSymbols(MetadataReader metadata, MetadataReader? pdb, OriginalOffsets originalOffsets, string moduleName)
        {
            _metadata = metadata;
            _pdb = pdb;
            _originalOffsets = originalOffsets;
            _moduleName = moduleName;
        }

        public static ModuleSymbols? TryLoad(System.Reflection.Module? module) => TryLoad(module?.Assembly.Location);

        public static ModuleSymbols? TryLoad(string? path)
        {
            if (string.IsNullOrEmpty(path) || !System.IO.File.Exists(path)) return null;
            try
            {
                var pe = new PEReader(System.IO.File.OpenRead(path));   // kept open for the life of the process
                var metadata = pe.GetMetadataReader();
                return new ModuleSymbols(metadata, OpenPdb(pe, path), OriginalOffsets.Read(pe, metadata), System.IO.Path.GetFileName(path));
            }
            catch (Exception)
            {
                return null;
            }
        }

        static MetadataReader? OpenPdb(PEReader pe, string path)
        {
            var embedded = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (embedded.DataSize > 0)
                return pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded).GetMetadataReader();
            string pdbPath = System.IO.Path.ChangeExtension(path, ".pdb");
            if (!System.IO.File.Exists(pdbPath)) return null;
            try
            {
                return MetadataReaderProvider.FromPortablePdbStream(System.IO.File.OpenRead(pdbPath)).GetMetadataReader();
            }
            catch (BadImageFormatException)
            {
                return null;   // a Windows PDB: no lines, offsets only
            }
        }

        public SymbolizedFrame Symbolize(int rid, int ilOffset)
        {
            var handle = MetadataTokens.MethodDefinitionHandle(rid);
            string name = MethodName(rid, handle);
            string? file = null;
            int line = 0;
            if (_pdb is not null)
            {
                try
                {
                    var debugInfo = _pdb.GetMethodDebugInformation(handle);
                    SequencePoint? best = null;
                    foreach (var sp in debugInfo.GetSequencePoints())
                    {
                        if (sp.IsHidden) continue;
                        if (sp.Offset <= ilOffset && (best is null || sp.Offset >= best.Value.Offset)) best = sp;
                    }
                    if (best is { } b)
                    {
                        file = _pdb.GetString(_pdb.GetDocument(b.Document).Name);
                        line = b.StartLine;
                    }
                }
                catch (Exception) { /* malformed PDB: offsets only */ }
            }
            return new SymbolizedFrame(_originalOffsets.Original(rid, ilOffset), name, file, line, _moduleName);
        }

        string MethodName(int rid, MethodDefinitionHandle handle)
        {
            lock (_names)
            {
                if (_names.TryGetValue(rid, out var cached)) return cached;
                string name;
                try
                {
                    var method = _metadata.GetMethodDefinition(handle);
                    var type = method.GetDeclaringType();
                    var typeGenerics = _metadata.GetTypeDefinition(type).GetGenericParameters()
                        .Select(g => _metadata.GetString(_metadata.GetGenericParameter(g).Name)).ToArray();
                    var methodGenerics = method.GetGenericParameters()
                        .Select(g => _metadata.GetString(_metadata.GetGenericParameter(g).Name)).ToArray();
                    var sig = method.DecodeSignature(SignatureFormatter.Instance, new GenericNames(typeGenerics, methodGenerics));
                    string generic = methodGenerics.Length > 0 ? "<" + string.Join(", ", methodGenerics) + ">" : "";
                    name = $"{SignatureFormatter.TypeName(_metadata, type)}.{_metadata.GetString(method.Name)}{generic}({string.Join(", ", sig.ParameterTypes)})";
                }
                catch (Exception)
                {
                    name = $"<method 0x{0x06000000 | rid:x8}>";
                }
                return _names[rid] = name;
            }
        }
    }
}
