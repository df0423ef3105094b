// Marshal's memory APIs used exactly to the end of their blocks: Read*/Write* at the last offset, Copy in
// both directions, PtrToString*/StringTo* round trips, PtrToStructure/StructureToPtr of the exact size.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Header { public int Magic; public short Version; public short Flags; public long Length; }

static class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocHGlobal(16);
        Marshal.WriteByte(p, 15, 1);
        Marshal.WriteInt16(p, 14, 2);
        Marshal.WriteInt32(p, 12, 3);
        Marshal.WriteInt64(p, 8, 4);
        Marshal.WriteIntPtr(p, 0, (IntPtr)5);
        long sum = Marshal.ReadByte(p, 15) + Marshal.ReadInt16(p, 14) + Marshal.ReadInt32(p, 12) + Marshal.ReadInt64(p, 8) + (long)Marshal.ReadIntPtr(p, 0);

        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) bytes[i] = (byte)i;
        Marshal.Copy(bytes, 0, p, 16);
        var back = new byte[16];
        Marshal.Copy(p, back, 0, 16);
        double[] doubles = { 1.5, 2.5 };
        Marshal.Copy(doubles, 0, p, 2);
        var doublesBack = new double[2];
        Marshal.Copy(p, doublesBack, 0, 2);

        var h = new Header { Magic = 0x5353, Version = 1, Flags = 2, Length = 99 };
        Marshal.StructureToPtr(h, p, false);
        Header r = Marshal.PtrToStructure<Header>(p);
        Marshal.FreeHGlobal(p);

        IntPtr ansi = Marshal.StringToHGlobalAnsi("ansi");
        IntPtr uni = Marshal.StringToHGlobalUni("uni");
        IntPtr auto = Marshal.StringToHGlobalAuto("auto");
        IntPtr utf8 = Marshal.StringToCoTaskMemUTF8("utf8 ✓");
        IntPtr coAnsi = Marshal.StringToCoTaskMemAnsi("coansi");
        IntPtr coUni = Marshal.StringToCoTaskMemUni("couni");
        IntPtr coAuto = Marshal.StringToCoTaskMemAuto("coauto");
        string text = string.Join(",", Marshal.PtrToStringAnsi(ansi), Marshal.PtrToStringUni(uni), Marshal.PtrToStringAuto(auto),
            Marshal.PtrToStringUTF8(utf8), Marshal.PtrToStringAnsi(coAnsi, 6), Marshal.PtrToStringUni(coUni, 5), Marshal.PtrToStringUTF8(coAuto, 6));
        Marshal.FreeHGlobal(ansi); Marshal.FreeHGlobal(uni); Marshal.FreeHGlobal(auto);
        Marshal.FreeCoTaskMem(utf8); Marshal.FreeCoTaskMem(coAnsi); Marshal.FreeCoTaskMem(coUni); Marshal.FreeCoTaskMem(coAuto);

        Console.WriteLine($"sum={sum} back={back[15]} doubles={doublesBack[1]} header={r.Magic:x},{r.Length} text={text}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum={{[0-9]+}} back=15 doubles=2.5 header=5353,99 text=ansi,uni,auto,utf8 ✓,coansi,couni,coauto
// CHECK-NOT: ERROR:
