using CaseGrains.Runtime;

namespace CaseGrains.Cases;

public sealed class CaseDirectoryGrain(IPersistentState<CaseDirectoryState> state) : Grain, ICaseDirectoryGrain
{
    public async Task Add(string caseId)
    {
        if (state.State.CaseIds.Contains(caseId)) return;
        state.State.CaseIds.Add(caseId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.CaseIds]);
}
