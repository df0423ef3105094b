using System.Reflection;
using System.Reflection.Emit;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>The metadata tokens an IL stream names (fields, methods, types, ldtoken), by each opcode's operand kind.</summary>
internal static class IlTokens
{
    static readonly OpCode?[] s_oneByte = new OpCode?[256];
    static readonly OpCode?[] s_twoByte = new OpCode?[256];

    static IlTokens()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode op) continue;
            ushort value = (ushort)op.Value;
            if (op.Size == 1) s_oneByte[value & 0xFF] = op;
            else s_twoByte[value & 0xFF] = op;
        }
    }

    public static IEnumerable<int> Of(byte[] il)
    {
        int at = 0;
        while (at < il.Length)
        {
            OpCode? op = il[at] == 0xFE && at + 1 < il.Length ? s_twoByte[il[at + 1]] : s_oneByte[il[at]];
            if (op is not { } code) yield break;   // not IL we understand: stop rather than misread
            at += code.Size;
            if (at > il.Length) yield break;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    if (at + 4 > il.Length) yield break;
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    if (at + 4 > il.Length) yield break;
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
