#include "trainingcontroller.h"

#include <QMetaObject>
#include <QThread>

namespace visor {
namespace {

// Hooks on the training thread: every call becomes a queued signal of the controller. The controller
// outlives the thread (its destructor waits), and a QPointer guards the emission all the same.
class QueuedHooks : public train::TrainHooks {
public:
    explicit QueuedHooks(TrainingController *c) : m_controller(c) {}
    void batchEnd(const train::BatchInfo &info) override
    {
        post([info](TrainingController *c) { Q_EMIT c->batchEnded(info); });
    }
    void epochEnd(const train::EpochMetrics &m) override
    {
        m_epoch = m.epoch;
        post([m](TrainingController *c) { Q_EMIT c->epochEnded(m); });
    }
    void checkpointSaved(const QString &path, bool best) override
    {
        post([path, best, e = m_epoch](TrainingController *c) { Q_EMIT c->checkpointSaved(path, best, e); });
    }
    void learningRateReduced(int epoch, double rate) override
    {
        post([epoch, rate](TrainingController *c) { Q_EMIT c->learningRateReduced(epoch, rate); });
    }
    void overfittingSuspected(const train::OverfittingDetector::Event &e) override
    {
        const OverfittingInfo info{e.beganAt, e.detectedAt, e.message(),
                                   e.kind == train::OverfittingDetector::Event::Kind::MetricGap, e.metricName};
        post([info](TrainingController *c) { Q_EMIT c->overfittingSuspected(info); });
    }
    void finished(const train::RunSummary &s) override
    {
        post([s](TrainingController *c) { Q_EMIT c->finished(s); });
    }
    void failed(const QString &message) override
    {
        post([message](TrainingController *c) { Q_EMIT c->failed(message); });
    }

private:
    template <class F> void post(F f)
    {
        QPointer<TrainingController> guard(m_controller);
        QMetaObject::invokeMethod(
            m_controller,
            [guard, f] {
                if (guard)
                    f(guard.data());
            },
            Qt::QueuedConnection);
    }
    TrainingController *m_controller;
    int m_epoch = 0;
};

} // namespace

TrainingController::TrainingController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<train::BatchInfo>();
    qRegisterMetaType<train::EpochMetrics>();
    qRegisterMetaType<train::RunSummary>();
    qRegisterMetaType<OverfittingInfo>();
}

TrainingController::~TrainingController()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

QString TrainingController::check(const QString &projectDir, const ParameterSet &parameters)
{
    try {
        auto project = Project::open(projectDir);
        train::TrainOptions options;
        options.parameters = parameters;
        return train::Trainer(*project, options).check();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

bool TrainingController::start(const QString &projectDir, const ParameterSet &parameters, qint64 resumeRun)
{
    if (isRunning())
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    const int threads = m_threads;
    m_thread = QThread::create([this, projectDir, parameters, resumeRun, cancelFlag, threads] {
        QueuedHooks hooks(this);
        try {
            auto project = Project::open(projectDir);
            train::TrainOptions options;
            options.parameters = parameters;
            options.resumeRun = resumeRun;
            options.threads = threads;
            train::Trainer(*project, options).run(hooks, *cancelFlag);
        } catch (const std::exception &e) { // the project cannot be opened
            hooks.failed(QString::fromUtf8(e.what()));
        }
    });
    connect(m_thread, &QThread::finished, this, &TrainingController::stopped);
    m_thread->start();
    Q_EMIT started();
    return true;
}

void TrainingController::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

bool TrainingController::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

} // namespace visor
