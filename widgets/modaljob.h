#pragma once
/// A job a person waits for behind a modal progress dialog (an import, a model's proposals): the work
/// runs off the GUI thread through a JobTracker and opens its own project connection; the dialog shows
/// its progress and Cancel sets the flag it reads; this function returns the work's result.

#include "jobtracker.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace visor {

/// What the work gets: report(done, total) and the cancel flag (Cancel pressed, or superseded).
struct ModalJobContext {
    std::function<void(int done, int total)> report;
    std::function<bool()> cancelled;
};

template <typename Result, typename Work>
Result runModalJob(QWidget *parent, JobTracker &tracker, const QString &label, const QString &cancelText, Work work)
{
    QProgressDialog progress(label, cancelText, 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto done = std::make_shared<std::atomic<int>>(0), total = std::make_shared<std::atomic<int>>(0);
    auto result = std::make_shared<std::optional<Result>>();
    QEventLoop loop; // the dialog is modal: this function waits in a local event loop for the job's result
    tracker.start(
        [work, cancel, done, total](const JobTracker::Cancelled &superseded) {
            ModalJobContext context{[done, total](int d, int t) {
                                        *done = d;
                                        *total = t;
                                    },
                                    [cancel, superseded] { return cancel->load() || superseded(); }};
            return work(context);
        },
        [result, &loop](Result r) {
            *result = std::move(r);
            loop.quit();
        });
    QObject::connect(&progress, &QProgressDialog::canceled, parent, [cancel] { *cancel = true; });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, parent, [&] {
        progress.setMaximum(std::max(1, total->load()));
        progress.setValue(done->load());
    });
    poll.start(100);
    if (!result->has_value())
        loop.exec();
    progress.close();
    return result->value_or(Result());
}

} // namespace visor
