#pragma once
/// Loads thumbnails off the GUI thread: a small thread pool of its own, newest requests first (the rows
/// the user is looking at now), old requests dropped when the user scrolls past them, and a cache of
/// decoded thumbnails bounded in bytes.

#include <QCache>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <deque>

namespace visor {

class ThumbnailLoader : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailLoader(int side = 96, QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    /// The cached thumbnail, or a null image after queueing a load (loaded() follows). Cached by the
    /// image file (named after its content hash), not by the example id: ids restart at 1 in every
    /// project, so an id-keyed cache showed the previous project's pictures.
    QImage thumbnail(qint64 id, const QString &path);
    /// Forgets every queued request (a new project, a new filter); loads in progress finish.
    void clearQueue();
    int side() const { return m_side; }
    int queued() const;

Q_SIGNALS:
    void loaded(qint64 id);

private:
    void work();
    struct Request {
        qint64 id;
        QString path;
    };
    const int m_side;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    std::deque<Request> m_queue;     // front: newest
    QHash<QString, bool> m_pending;  // by path
    QCache<QString, QImage> m_cache; // by path
    int m_workers = 0;
};

} // namespace visor
