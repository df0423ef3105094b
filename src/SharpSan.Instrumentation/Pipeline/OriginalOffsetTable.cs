using Mono.Cecil;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>
/// Ships each method's rewritten → original site offsets (<see cref="MethodContext.OriginalOffsets"/>) inside the
/// rewritten assembly, as the initial data (RVA) of a static field of a generated type, read back from the file by
/// SharpSan.Runtime's Symbolization.OriginalOffsets when a report is printed.
/// <para>
/// Why a field's data and not a manifest resource or the PDB: an extra resource shows up in the program's own
/// <c>GetManifestResourceNames()</c>, and the PDB may be missing, which is when offsets matter most. Nothing ever
/// touches the field, so the type is never loaded and the checked program pays nothing.
/// </para>
/// Layout (must match the runtime's reader): int32 little-endian payload length, then the payload:
/// 7-bit-encoded method count, and per method (ascending MethodDef row id) the row id as a delta from the previous
/// one, the pair count, and per pair (ascending rewritten offset) the rewritten offset as a delta from the previous
/// pair's and the original offset. All numbers are 7-bit encoded (BinaryWriter.Write7BitEncodedInt).
/// </summary>
public static class OriginalOffsetTable
{
    public const string TypeNamespace = "<SharpSan>";
    public const string TypeName = "OriginalIlOffsets";
    public const string FieldName = "Table";

    /// <summary>
    /// Adds or refreshes the table for the methods' current row ids (they are final only once the module has been
    /// written, so the writer calls this before every write). Returns false when the bytes were already there.
    /// </summary>
    public static bool Update(ModuleDefinition module, IEnumerable<MethodContext> methods)
    {
        var rows = methods.Where(m => m.OriginalOffsets.Count > 0)
            .Select(m => (Rid: (int)m.Method.MetadataToken.RID, m.OriginalOffsets))
            .OrderBy(m => m.Rid).ToList();
        var field = Find(module);
        if (rows.Count == 0)
        {
            if (field is not null) module.Types.Remove(field.DeclaringType);
            return field is not null;
        }
        byte[] data = Encode(rows);
        if (field is not null && field.InitialValue.AsSpan().SequenceEqual(data)) return false;
        field ??= Create(module);
        field.InitialValue = data;
        field.FieldType.Resolve().ClassSize = data.Length;
        return true;
    }

    static byte[] Encode(List<(int Rid, IReadOnlyList<(int Rewritten, int Original)> Pairs)> rows)
    {
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write7BitEncodedInt(rows.Count);
            int previousRid = 0;
            foreach (var (rid, pairs) in rows)
            {
                w.Write7BitEncodedInt(rid - previousRid);
                previousRid = rid;
                w.Write7BitEncodedInt(pairs.Count);
                int previous = 0;
                foreach (var (rewritten, original) in pairs)
                {
                    w.Write7BitEncodedInt(rewritten - previous);
                    previous = rewritten;
                    w.Write7BitEncodedInt(original);
                }
            }
        }
        var data = new byte[4 + payload.Length];
        BitConverter.TryWriteBytes(data.AsSpan(0, 4), (int)payload.Length);
        if (!BitConverter.IsLittleEndian) data.AsSpan(0, 4).Reverse();
        payload.ToArray().CopyTo(data, 4);
        return data;
    }

    static FieldDefinition? Find(ModuleDefinition module) =>
        module.Types.FirstOrDefault(t => t.Namespace == TypeNamespace && t.Name == TypeName)?.Fields.FirstOrDefault(f => f.Name == FieldName);

    /// <summary>A holder class with one RVA static of an opaque explicit-size struct (what compilers emit for array initialisers).</summary>
    static FieldDefinition Create(ModuleDefinition module)
    {
        var holder = new TypeDefinition(TypeNamespace, TypeName,
            TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class,
            module.TypeSystem.Object);
        var valueType = new TypeReference("System", "ValueType", module, module.TypeSystem.CoreLibrary);
        var blob = new TypeDefinition("", "Data",
            TypeAttributes.NestedPrivate | TypeAttributes.ExplicitLayout | TypeAttributes.Sealed | TypeAttributes.Class,
            valueType) { PackingSize = 1, ClassSize = 1 };
        holder.NestedTypes.Add(blob);
        var field = new FieldDefinition(FieldName, FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly | FieldAttributes.HasFieldRVA, blob);
        holder.Fields.Add(field);
        module.Types.Add(holder);
        return field;
    }
}
