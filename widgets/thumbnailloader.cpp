#include "thumbnailloader.h"
#include "imagedecode.h"

namespace visor {
namespace {
constexpr size_t kMaxQueued = 512; // about two screens of the grid; older requests are out of view
}

ThumbnailLoader::ThumbnailLoader(int side, QObject *parent) : QObject(parent), m_side(side)
{
    m_pool.setMaxThreadCount(2);
    m_cache.setMaxCost(192 * 1024 * 1024 / 1024); // cost in KiB: 192 MiB of thumbnails
}

ThumbnailLoader::~ThumbnailLoader()
{
    clearQueue();
    m_pool.waitForDone();
}

QImage ThumbnailLoader::thumbnail(qint64 id, const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (QImage *img = m_cache.object(path))
        return *img;
    if (!m_pending.contains(path)) {
        m_pending.insert(path, true);
        m_queue.push_front({id, path});
        while (m_queue.size() > kMaxQueued) {
            m_pending.remove(m_queue.back().path);
            m_queue.pop_back();
        }
        if (m_workers < m_pool.maxThreadCount()) {
            ++m_workers;
            m_pool.start([this] { work(); });
        }
    }
    return {};
}

void ThumbnailLoader::clearQueue()
{
    QMutexLocker lock(&m_mutex);
    for (const Request &r : m_queue)
        m_pending.remove(r.path);
    m_queue.clear();
}

int ThumbnailLoader::queued() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

void ThumbnailLoader::work()
{
    for (;;) {
        Request r;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.empty()) {
                --m_workers;
                return;
            }
            r = m_queue.front();
            m_queue.pop_front();
        }
        QImage img = loadDisplayImage(r.path, m_side); // JPEG decodes at a reduced scale directly
        if (img.isNull()) {                            // unreadable: a visible marker instead of an endless placeholder
            img = QImage(m_side, m_side * 3 / 4, QImage::Format_RGB32);
            img.fill(QColor(120, 30, 30));
        } else if (img.width() > m_side || img.height() > m_side * 3 / 4) {
            // Into the grid's 4:3 icon box: a portrait image scaled to the side's height covered its caption.
            img = img.scaled(m_side, m_side * 3 / 4, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
        {
            QMutexLocker lock(&m_mutex);
            m_pending.remove(r.path);
            m_cache.insert(r.path, new QImage(img), std::max<qsizetype>(1, img.sizeInBytes() / 1024));
        }
        Q_EMIT loaded(r.id);
    }
}

} // namespace visor
