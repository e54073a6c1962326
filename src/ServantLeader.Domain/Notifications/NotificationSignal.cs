using Microsoft.Extensions.Logging;
using ServantLeader.Domain.Live;

namespace ServantLeader.Domain.Notifications;

/// <summary>
/// Tells a person's open pages (the unread count in the menu, the notification list) that they have something new,
/// so the count changes without a reload. Carries the person's id only. In-process, like <see cref="Live.TeamActivity"/>.
/// </summary>
public sealed class NotificationSignal(ILogger<NotificationSignal> logger)
{
    private readonly Listeners<IReadOnlySet<int>> _listeners = new(logger);

    public IDisposable Listen(int personId, Action listener) => _listeners.Add(people =>
    {
        if (people.Contains(personId))
        {
            listener();
        }
    });

    internal void Publish(IEnumerable<int> personIds)
    {
        var people = personIds.ToHashSet();
        if (people.Count > 0)
        {
            _listeners.Publish(people);
        }
    }
}
