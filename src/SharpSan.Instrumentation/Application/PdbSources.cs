using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SharpSan.Instrumentation.Application;

/// <summary>Reads which source files an assembly was built from, through its portable PDB (beside it, or embedded).</summary>
public static class PdbSources
{
    /// <summary>
    /// The first source document of <paramref name="assemblyPath"/>'s PDB that lies under <paramref name="root"/>, or null
    /// (no PDB, a Windows PDB, paths mapped by a deterministic build such as <c>/_/src/…</c>, or sources elsewhere).
    /// </summary>
    public static string? FirstUnder(string assemblyPath, string root)
    {
        string prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var embedded = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (embedded.DataSize > 0)
            {
                using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
                return FirstUnder(provider.GetMetadataReader(), prefix);
            }
            string pdb = Path.ChangeExtension(assemblyPath, ".pdb");
            if (!File.Exists(pdb)) return null;
            using var pdbStream = File.OpenRead(pdb);
            using var fromFile = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
            return FirstUnder(fromFile.GetMetadataReader(), prefix);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;   // not a managed assembly, or not a portable PDB: nothing to say
        }
    }

    static string? FirstUnder(MetadataReader pdb, string prefix)
    {
        foreach (var handle in pdb.Documents)
        {
            string name = pdb.GetString(pdb.GetDocument(handle).Name);
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name;
        }
        return null;
    }
}
