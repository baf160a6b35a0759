#pragma once
#include "jobtracker.h"
/// The test images of a run with its predictions drawn over the ground truth, to see what the model
/// gets wrong: misclassified images, false positives and missed objects. Filter to errors only, sort by
/// confidence, open an image in the annotator, or accept an image's unmatched predictions as
/// annotations. Predictions run off the GUI thread; a newer request drops an older one's results.
/// Also computes the precision-recall curve per class (detection) from the same predictions.

#include "project/types.h"

#include <QImage>
#include <QSet>
#include <QWidget>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace visor {

class Project;

class ResultsGallery : public QWidget {
    Q_OBJECT
public:
    struct Item {
        qint64 exampleId = 0;
        QString fileName;
        QImage thumbnail;
        bool error = false;
        int falsePositives = 0, missed = 0; // detection
        QString truth, predicted;           // classification
        double confidence = 0;              // highest score in the image
        std::vector<Box> unmatched;         // predictions (project class ids) that match no object
    };
    struct Curve {
        QString className;
        std::vector<std::pair<double, double>> points; // (recall, precision)
        double ap = 0;
    };

    explicit ResultsGallery(QWidget *parent = nullptr);
    ~ResultsGallery() override;

    void setProject(Project *project);
    /// Predicts the run's test split and shows it (asynchronous; `ready` follows).
    void showRun(qint64 runId);
    void clear();

    int itemCount() const { return int(m_items.size()); }
    qint64 runId() const { return m_runId; }
    QSet<qint64> errorIds() const;
    int errorCount() const;
    int visibleCount() const;
    const std::vector<Curve> &curves() const { return m_curves; }
    /// Adds the unmatched predictions of `exampleId` as boxes (detection). Returns how many.
    int acceptPredictions(qint64 exampleId);
    void setErrorsOnly(bool on);

Q_SIGNALS:
    void ready();                       // the gallery and the curves of the last request are shown
    void openExample(qint64 exampleId); // open it in the annotator
    void annotationsChanged();

private:
    void rebuild();
    void deliver(std::vector<Item> items, std::vector<Curve> curves, QString message, double reported);
    double m_reported = -1;
    qint64 m_runId = 0; // detection: train.confidence_threshold of the run

    Project *m_project = nullptr;
    std::vector<Item> m_items;
    std::vector<Curve> m_curves;
    QListWidget *m_list = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QComboBox *m_sort = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_accept = nullptr;
    JobTracker m_job; // the predictions being computed; superseded ones are dropped
};

} // namespace visor
