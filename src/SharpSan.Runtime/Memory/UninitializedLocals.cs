namespace SharpSan.Runtime.Memory;

/// <summary>
/// IL locals left uninitialised on purpose (<c>Unsafe.SkipInit(out x)</c> in a method without localsinit): the
/// instrumentation makes the local's shadow undefined and takes its origin from here, MSan's stack origin ("by an
/// allocation of 'local x' in the stack frame of function 'F'").
/// </summary>
public static class UninitializedLocals
{
    const string Site = "MemorySanitizer.UninitializedLocal";

    /// <summary>The origin id of local <paramref name="name"/> skipped at <paramref name="site"/> (0, unknown, if it cannot be recorded).</summary>
    public static int Origin(int site, string name)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            int offset = Address.Sites.Offset(site);
            return Origins.New(OriginKind.StackAllocation, MemorySanitizer.CaptureStackId(-1, offset), "local " + name);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            return 0;
        }
    }
}
