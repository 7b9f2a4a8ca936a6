namespace CaseGrains.Testing;

public static class SameSession
{
    /// <summary>
    /// A client with the same signed-in session as <paramref name="signedIn"/> for a restarted server; for code that
    /// holds only the client of a <see cref="Person"/> (see <see cref="Person.On"/>).
    /// </summary>
    public static HttpClient On(this HttpClient signedIn, ServerHost restarted) =>
        Person.SignedInClient(restarted.Address, signedIn.DefaultRequestHeaders.Authorization?.Parameter
            ?? throw new InvalidOperationException("The client is not signed in with a bearer token."));
}
