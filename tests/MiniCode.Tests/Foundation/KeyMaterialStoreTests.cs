using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Tests.Foundation;

public sealed class KeyMaterialStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minicode-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private KeyMaterialStore NewStore() => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MiniCode:KeysPath"] = _folder }).Build(),
        new HostingEnvironment { EnvironmentName = "Testing" });

    [Fact]
    public void A_generator_may_ask_for_another_key_of_the_same_store()
    {
        var store = NewStore();
        // As the Alipay simulator's public key is made from its private key, itself generated on first use.
        var outer = store.GetOrCreate("Test:Public", () => "public of " + store.GetOrCreate("Test:Private", () => "private"));
        Assert.Equal("public of private", outer);
        Assert.Equal("private", NewStore().GetOrCreate("Test:Private", () => "other"));
    }

    [Fact]
    public void A_generator_may_ask_another_store_on_the_same_folder()
    {
        // As the data-protection certificate's own store is made apart from the host's.
        var outer = NewStore().GetOrCreate("Test:Outer", () => "outer with " + NewStore().GetOrCreate("Test:Inner", () => "inner"));
        Assert.Equal("outer with inner", outer);
    }

    [Fact]
    public async Task Hosts_sharing_a_keys_folder_all_get_the_one_key_generated_first()
    {
        for (var round = 0; round < 20; round++)
        {
            var setting = $"Security:Round{round}Key";
            // One store per host, as two nodes in development (or the tests' second node) have, all starting at once.
            var stores = Enumerable.Range(0, 8).Select(_ => NewStore()).ToList();
            using var start = new Barrier(stores.Count);
            var keys = await Task.WhenAll(stores.Select(store => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return Convert.ToBase64String(store.GetOrCreateSymmetricKey(setting));
            }, TaskCreationOptions.LongRunning)));

            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0], File.ReadAllText(Path.Combine(_folder, $"Security_Round{round}Key.key")));
        }
    }
}
