namespace CaseGrains.Live;

/// <summary>Where grains hand changes for live screens, after they committed. Never blocks, never fails the caller.</summary>
public interface ILiveUpdates
{
    void Publish(LiveUpdate update);
}
