// twin of Cases/Memory/HGlobalSwitch.cs: a switch on an uninitialised Marshal.AllocHGlobal value
unsafe static class SwitchHeap
{
    public static void Run()
    {
        int* p = (int*)Marshal.AllocHGlobal(8);
        p[0] = 2;
        string s;
        switch (p[1]) // USE
        {
            case 0: s = "zero"; break;
            case 1: s = "one"; break;
            case 2: s = "two"; break;
            case 3: s = "three"; break;
            default: s = "many"; break;
        }
        Console.WriteLine(s);
    }
}
