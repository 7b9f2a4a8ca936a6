using CaseGrains.Testing;

namespace CaseGrains.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
