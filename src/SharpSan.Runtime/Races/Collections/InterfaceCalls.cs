namespace SharpSan.Runtime.Races.Collections;

/// <summary>
/// Calls through a collection interface (IDictionary, IList, ISet, …; see <see cref="CollectionInterfaceAttribute"/>):
/// checked like the direct call when the receiver is one of the contract's collections, ignored otherwise (thread-safe
/// or unknown implementations). The rewriter (CollectionCallPass) inserts these before each such call.
/// </summary>
public static class InterfaceCalls
{
    public static void Read(object receiver, string member, int site)
    {
        if (receiver is not null && Covers(receiver)) RaceChecks.CollectionRead(receiver, member, site);
    }

    public static void Write(object receiver, string member, int site)
    {
        if (receiver is not null && Covers(receiver)) RaceChecks.CollectionWrite(receiver, member, site);
    }

    const string Site = "InterfaceCalls";

    static bool Covers(object receiver)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return ContractTypes.Covers(receiver.GetType());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            return false;   // unchecked, like any collection outside the contract
        }
    }
}
