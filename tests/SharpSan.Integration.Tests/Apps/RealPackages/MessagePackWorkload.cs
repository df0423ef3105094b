using MessagePack;
using MessagePack.Resolvers;

namespace RealPackages;

/// <summary>
/// MessagePack 2.x serialising an object graph: attributed contracts (formatters emitted at run time with
/// Reflection.Emit — code SharpSan never sees; the primitives, strings, collections and the writer/reader they call
/// are the package's own, instrumented), the same graph through the contractless resolver, LZ4 block and block-array
/// compression (MessagePack's own LZ4 port), typeless round trips, and JSON conversion. The digest covers the
/// serialised bytes.
/// </summary>
static class MessagePackWorkload
{
    public static string Run()
    {
        var catalog = Catalog.Build(orders: 120);
        ulong digest = 14695981039346656037;
        int roundTrips = 0;

        var plain = MessagePackSerializer.Serialize(catalog);
        digest = Data.Hash(plain, digest);
        catalog.AssertSame(MessagePackSerializer.Deserialize<Catalog>(plain), "standard");
        roundTrips++;

        foreach (var compression in new[] { MessagePackCompression.Lz4Block, MessagePackCompression.Lz4BlockArray })
        {
            var options = MessagePackSerializerOptions.Standard.WithCompression(compression);
            var packed = MessagePackSerializer.Serialize(catalog, options);
            digest = Data.Hash(packed, digest);
            Data.Check(packed.Length < plain.Length, $"{compression}: {packed.Length} bytes, plain {plain.Length}");
            catalog.AssertSame(MessagePackSerializer.Deserialize<Catalog>(packed, options), compression.ToString());
            roundTrips++;
        }

        var contractless = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance);
        var loose = new LooseOrder { Id = 9, Tags = ["a", "b"], Prices = new() { ["x"] = 1.5m, ["y"] = 2.25m }, When = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc) };
        var looseBytes = MessagePackSerializer.Serialize(loose, contractless);
        digest = Data.Hash(looseBytes, digest);
        var looseBack = MessagePackSerializer.Deserialize<LooseOrder>(looseBytes, contractless);
        Data.Check(looseBack.Id == 9 && looseBack.Tags.SequenceEqual(loose.Tags) && looseBack.Prices["y"] == 2.25m && looseBack.When == loose.When, "contractless");
        roundTrips++;

        var typeless = TypelessContractlessStandardResolver.Options;
        object[] mixed = [42, "text", 3.5, new byte[] { 1, 2, 3 }, new List<int> { 4, 5 }, catalog.Orders[0]];
        var typelessBytes = MessagePackSerializer.Serialize<object>(mixed, typeless);
        var mixedBack = (object[])MessagePackSerializer.Deserialize<object>(typelessBytes, typeless);
        Data.Check(mixedBack.Length == mixed.Length && (int)mixedBack[0] == 42 && (string)mixedBack[1] == "text" && ((byte[])mixedBack[3]).Length == 3, "typeless");
        catalog.Orders[0].AssertSame((Order)mixedBack[5], "typeless order");
        roundTrips++;

        string json = MessagePackSerializer.ConvertToJson(plain);
        Data.Check(json.Contains("\"customer-7\"") && json.StartsWith('['), "json conversion");
        var fromJson = MessagePackSerializer.ConvertFromJson(MessagePackSerializer.SerializeToJson(catalog.Histogram));
        Data.Check(MessagePackSerializer.Deserialize<int[]>(fromJson).SequenceEqual(catalog.Histogram), "JSON round trip");
        return $"{roundTrips} round trips, {plain.Length} bytes plain, digest {digest:x16}";
    }
}

[MessagePackObject]
public sealed class Catalog
{
    [Key(0)] public string Name { get; set; } = "";
    [Key(1)] public List<Order> Orders { get; set; } = [];
    [Key(2)] public Dictionary<string, Customer> Customers { get; set; } = [];
    [Key(3)] public int[] Histogram { get; set; } = [];

    public static Catalog Build(int orders)
    {
        var catalog = new Catalog { Name = "catalog", Histogram = Enumerable.Range(0, 64).Select(i => i * i % 97).ToArray() };
        for (int c = 0; c < 16; c++)
            catalog.Customers[$"customer-{c}"] = new Customer
            {
                Id = c, Name = $"customer-{c}", Email = $"c{c}@example.test", Score = c * 1.25,
                Address = new Address { Street = $"{c} Main Street", City = c % 2 == 0 ? "Lyon" : "Łódź", Zip = 10_000 + c },
            };
        for (int o = 0; o < orders; o++)
        {
            var order = new Order
            {
                Id = o, Customer = catalog.Customers[$"customer-{o % 16}"], Placed = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(o * 97),
                Status = (OrderStatus)(o % 3), Note = o % 5 == 0 ? null : $"note {o} " + new string('x', o % 40), Attachment = Data.Noise(o % 50, o),
            };
            for (int l = 0; l < 1 + o % 6; l++)
                order.Lines.Add(new Line { Sku = $"SKU-{(o * 31 + l) % 500:D4}", Quantity = 1 + l, UnitPrice = 0.99m * (1 + (o + l) % 17) });
            catalog.Orders.Add(order);
        }
        return catalog;
    }

    public void AssertSame(Catalog other, string how)
    {
        Data.Check(other.Name == Name && other.Histogram.SequenceEqual(Histogram), $"{how}: catalog header");
        Data.Check(other.Customers.Count == Customers.Count && Customers.All(c => other.Customers[c.Key].Same(c.Value)), $"{how}: customers");
        Data.Check(other.Orders.Count == Orders.Count, $"{how}: order count");
        for (int i = 0; i < Orders.Count; i++) Orders[i].AssertSame(other.Orders[i], how);
    }
}

[MessagePackObject]
public sealed class Order
{
    [Key(0)] public int Id { get; set; }
    [Key(1)] public Customer Customer { get; set; } = new();
    [Key(2)] public DateTime Placed { get; set; }
    [Key(3)] public OrderStatus Status { get; set; }
    [Key(4)] public string? Note { get; set; }
    [Key(5)] public List<Line> Lines { get; set; } = [];
    [Key(6)] public byte[] Attachment { get; set; } = [];

    public void AssertSame(Order other, string how) =>
        Data.Check(other.Id == Id && other.Customer.Same(Customer) && other.Placed == Placed && other.Status == Status && other.Note == Note
            && other.Attachment.SequenceEqual(Attachment) && other.Lines.Count == Lines.Count && Lines.Zip(other.Lines).All(p => p.First.Same(p.Second)),
            $"{how}: order {Id}");
}

[MessagePackObject]
public sealed class Line
{
    [Key(0)] public string Sku { get; set; } = "";
    [Key(1)] public int Quantity { get; set; }
    [Key(2)] public decimal UnitPrice { get; set; }

    public bool Same(Line other) => other.Sku == Sku && other.Quantity == Quantity && other.UnitPrice == UnitPrice;
}

[MessagePackObject]
public sealed class Customer
{
    [Key(0)] public int Id { get; set; }
    [Key(1)] public string Name { get; set; } = "";
    [Key(2)] public string Email { get; set; } = "";
    [Key(3)] public double Score { get; set; }
    [Key(4)] public Address Address { get; set; } = new();

    public bool Same(Customer other) =>
        other.Id == Id && other.Name == Name && other.Email == Email && other.Score == Score
        && other.Address.Street == Address.Street && other.Address.City == Address.City && other.Address.Zip == Address.Zip;
}

[MessagePackObject]
public sealed class Address
{
    [Key(0)] public string Street { get; set; } = "";
    [Key(1)] public string City { get; set; } = "";
    [Key(2)] public int Zip { get; set; }
}

public enum OrderStatus { Open, Shipped, Cancelled }

/// <summary>No attributes: the contractless resolver maps it by member names.</summary>
public sealed class LooseOrder
{
    public int Id { get; set; }
    public List<string> Tags { get; set; } = [];
    public Dictionary<string, decimal> Prices { get; set; } = [];
    public DateTime When { get; set; }
}
