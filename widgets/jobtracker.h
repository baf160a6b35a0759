#pragma once
/// The one way the window runs work off the GUI thread (previews, the results gallery, imports, the
/// advisor, statistics), after KDAB/hotspot's JobTracker: every job has an id; starting a job supersedes
/// the tracker's previous one; the work gets a cancellation check and touches nothing of its widget;
/// the result reaches the widget on the GUI thread only if the widget still exists and the job is still
/// the latest. (The augmentation preview once read its page through a raw pointer from the worker: a
/// use-after-free when the page closed mid-preview.) A tracker runs its jobs in one of two lanes: the
/// background lane (the global pool: imports, statistics, the gallery, the advisor) or the interactive
/// lane, its own small pool, for results a person waits for after each edit (the augmentation preview):
/// with the global pool's two threads busy with statistics of 100,000 examples, a 20 ms preview waited
/// 2–3 s behind them.

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <functional>
#include <memory>

namespace visor {

class JobTracker {
public:
    /// Tells a running job whether it has been superseded or cancelled (cheap; call it often).
    using Cancelled = std::function<bool()>;

    enum class Lane { Background, Interactive };

    explicit JobTracker(QObject *context, Lane lane = Lane::Background)
        : m_context(context), m_pool(lane == Lane::Interactive ? interactivePool() : QThreadPool::globalInstance()),
          m_latest(std::make_shared<std::atomic<quint64>>(0))
    {
    }
    ~JobTracker() { cancel(); } // running work sees cancellation; its result is dropped
    JobTracker(const JobTracker &) = delete;
    JobTracker &operator=(const JobTracker &) = delete;

    /// Runs `work(cancelled)` in the tracker's lane, then `done(result)` on the GUI thread unless the
    /// context object is gone or another start()/cancel() came after this one. Returns the job's id.
    template <typename Work, typename Done> quint64 start(Work work, Done done)
    {
        const quint64 id = ++*m_latest;
        auto latest = m_latest; // shared with the worker: the only state it reads
        QPointer<QObject> context = m_context;
        auto running = m_running;
        ++*running;
        (void)QtConcurrent::run(
            m_pool, [id, latest, context, running, work = std::move(work), done = std::move(done)]() mutable {
                const Cancelled cancelled = [latest, id] { return latest->load() != id; };
                auto result = std::make_shared<decltype(work(cancelled))>(work(cancelled));
                // Posted to the application object, which outlives every widget; the guard and the id are
                // checked there, on the GUI thread, where the context can no longer vanish in between.
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [id, latest, context, running, result, done = std::move(done)]() mutable {
                        --*running;
                        if (context && latest->load() == id)
                            done(std::move(*result));
                    },
                    Qt::QueuedConnection);
            });
        return id;
    }

    /// Supersedes the running job (if any): it sees cancellation and its result is dropped.
    void cancel() { ++*m_latest; }
    /// The id of the latest job (0 before the first).
    quint64 latest() const { return m_latest->load(); }
    /// Jobs started and not yet delivered or dropped.
    int running() const { return m_running->load(); }

    /// The interactive lane's pool (two threads, idle ones expire), shared by every interactive tracker.
    static QThreadPool *interactivePool();

private:
    QPointer<QObject> m_context;
    QThreadPool *m_pool;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::shared_ptr<std::atomic<int>> m_running = std::make_shared<std::atomic<int>>(0);
};

} // namespace visor
