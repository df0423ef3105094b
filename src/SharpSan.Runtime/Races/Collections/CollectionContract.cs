namespace SharpSan.Runtime.Races.Collections;

/// <summary>
/// One row of the thread-safety contract of a BCL collection (what TSVD checks): which of its members only read the
/// collection and which mutate it. Members are method names (property accessors as get_X/set_X, indexers as
/// get_Item/set_Item); every overload of a name has the same kind.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CollectionContractAttribute(string type, string reads, string writes) : Attribute
{
    /// <summary>The collection type's full name in Cecil spelling (generic arity after a backtick).</summary>
    public string Type { get; } = type;
    public string Reads { get; } = reads;
    public string Writes { get; } = writes;
}

/// <summary>
/// One row of the interface half of the contract: which members of a collection interface read and which write. A
/// call through the interface is checked only when the receiver's runtime type is one of the contract's collections
/// (a ConcurrentDictionary behind an IDictionary stays unchecked).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CollectionInterfaceAttribute(string type, string reads, string writes) : Attribute
{
    /// <summary>The interface's full name in Cecil spelling (generic arity after a backtick).</summary>
    public string Type { get; } = type;
    public string Reads { get; } = reads;
    public string Writes { get; } = writes;
}

/// <summary>
/// THE table of non-thread-safe collections and their reading and writing members: the rewriter (CollectionCallPass)
/// reads these attributes with Cecil and inserts <see cref="RaceChecks.CollectionRead"/> or
/// <see cref="RaceChecks.CollectionWrite"/> before each such call in checked code.
/// </summary>
[CollectionContract("System.Collections.Generic.Dictionary`2",
    reads: "get_Item TryGetValue ContainsKey ContainsValue get_Count get_Keys get_Values get_Comparer GetEnumerator GetAlternateLookup TryGetAlternateLookup GetObjectData get_Capacity",
    writes: "set_Item Add TryAdd Remove Clear EnsureCapacity TrimExcess OnDeserialization")]
[CollectionContract("System.Collections.Generic.List`1",
    reads: "get_Item get_Count get_Capacity Contains IndexOf LastIndexOf BinarySearch Find FindAll FindIndex FindLast FindLastIndex Exists TrueForAll ForEach GetEnumerator GetRange Slice CopyTo ToArray ConvertAll AsReadOnly",
    writes: "set_Item set_Capacity Add AddRange Insert InsertRange Remove RemoveAt RemoveAll RemoveRange Clear Sort Reverse EnsureCapacity TrimExcess")]
[CollectionContract("System.Collections.Generic.HashSet`1",
    reads: "Contains TryGetValue get_Count get_Comparer GetEnumerator CopyTo IsSubsetOf IsSupersetOf IsProperSubsetOf IsProperSupersetOf Overlaps SetEquals GetObjectData",
    writes: "Add Remove RemoveWhere Clear UnionWith IntersectWith ExceptWith SymmetricExceptWith EnsureCapacity TrimExcess OnDeserialization")]
[CollectionContract("System.Collections.Generic.Queue`1",
    reads: "Peek TryPeek Contains get_Count GetEnumerator CopyTo ToArray",
    writes: "Enqueue Dequeue TryDequeue Clear EnsureCapacity TrimExcess")]
[CollectionContract("System.Collections.Generic.Stack`1",
    reads: "Peek TryPeek Contains get_Count GetEnumerator CopyTo ToArray",
    writes: "Push Pop TryPop Clear EnsureCapacity TrimExcess")]
[CollectionContract("System.Collections.Generic.SortedDictionary`2",
    reads: "get_Item TryGetValue ContainsKey ContainsValue get_Count get_Keys get_Values get_Comparer GetEnumerator CopyTo",
    writes: "set_Item Add Remove Clear")]
[CollectionContract("System.Collections.Generic.SortedList`2",
    reads: "get_Item TryGetValue ContainsKey ContainsValue IndexOfKey IndexOfValue GetKeyAtIndex GetValueAtIndex get_Count get_Capacity get_Keys get_Values get_Comparer GetEnumerator",
    writes: "set_Item set_Capacity Add Remove RemoveAt SetValueAtIndex Clear TrimExcess")]
[CollectionContract("System.Collections.Generic.LinkedList`1",
    reads: "get_Count get_First get_Last Contains Find FindLast GetEnumerator CopyTo",
    writes: "AddFirst AddLast AddBefore AddAfter Remove RemoveFirst RemoveLast Clear")]
// Members are those the interface itself declares (inherited ones have their own row). Left out: members that never
// touch the contents (IsReadOnly, IsFixedSize, SyncRoot).
[CollectionInterface("System.Collections.IEnumerable", reads: "GetEnumerator", writes: "")]
[CollectionInterface("System.Collections.Generic.IEnumerable`1", reads: "GetEnumerator", writes: "")]
[CollectionInterface("System.Collections.Generic.ICollection`1", reads: "get_Count Contains CopyTo", writes: "Add Remove Clear")]
[CollectionInterface("System.Collections.Generic.IList`1", reads: "get_Item IndexOf", writes: "set_Item Insert RemoveAt")]
[CollectionInterface("System.Collections.Generic.IDictionary`2",
    reads: "get_Item get_Keys get_Values ContainsKey TryGetValue",
    writes: "set_Item Add Remove")]
[CollectionInterface("System.Collections.Generic.ISet`1",
    reads: "IsSubsetOf IsSupersetOf IsProperSubsetOf IsProperSupersetOf Overlaps SetEquals",
    writes: "Add UnionWith IntersectWith ExceptWith SymmetricExceptWith")]
[CollectionInterface("System.Collections.Generic.IReadOnlyCollection`1", reads: "get_Count", writes: "")]
[CollectionInterface("System.Collections.Generic.IReadOnlyList`1", reads: "get_Item", writes: "")]
[CollectionInterface("System.Collections.Generic.IReadOnlyDictionary`2", reads: "get_Item get_Keys get_Values ContainsKey TryGetValue", writes: "")]
[CollectionInterface("System.Collections.Generic.IReadOnlySet`1",
    reads: "Contains IsSubsetOf IsSupersetOf IsProperSubsetOf IsProperSupersetOf Overlaps SetEquals", writes: "")]
[CollectionInterface("System.Collections.ICollection", reads: "get_Count CopyTo", writes: "")]
[CollectionInterface("System.Collections.IList", reads: "get_Item Contains IndexOf", writes: "set_Item Add Insert Remove RemoveAt Clear")]
[CollectionInterface("System.Collections.IDictionary", reads: "get_Item get_Keys get_Values Contains GetEnumerator", writes: "set_Item Add Remove Clear")]
public static class CollectionContract
{
}
