using CaseGrains.Silo.Storage.Claims;
using CaseGrains.WebFront.Claims;
using CaseGrains.WebFront.MachineApi.Callbacks;
using CaseGrains.WebFront.MachineApi.Feed;
using CaseGrains.WebFront.MachineApi.Idempotency;
using CaseGrains.WebFront.MachineApi.Keys;
using CaseGrains.WebFront.MachineApi.Replay;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>The PostgreSQL side of claims evidence and of the machine API: keys, nonces, idempotency records, the feed and callbacks.</summary>
public static class MachineApiStorage
{
    public static IServiceCollection AddClaimsAndMachineApiStorage(this IServiceCollection services)
    {
        services.AddSingleton<IEvidenceStore, PostgresEvidenceStore>();
        services.AddSingleton<SecretCipher>();
        services.AddSingleton<IDepartmentKeyStore, PostgresDepartmentKeyStore>();
        services.AddSingleton<ISignatureNonceStore, PostgresNonceStore>();
        services.AddSingleton<IIdempotencyStore, PostgresIdempotencyStore>();
        services.AddSingleton<IDepartmentFeed, PostgresDepartmentFeed>();
        services.AddSingleton<ICallbackStore, PostgresCallbackStore>();
        return services;
    }
}
