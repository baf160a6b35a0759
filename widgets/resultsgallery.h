#pragma once
#include "jobtracker.h"
/// The test images of a run with its predictions drawn over the ground truth, to see what the model
/// gets wrong: misclassified images, false positives and missed objects. The predictions are the ones
/// the run's test evaluation counted (stored with the run; never predicted again when the tab opens), so
/// the gallery agrees with the metrics. Detection has a confidence threshold (defaulting to the run's
/// best-F1 threshold) that redraws the gallery at once. Filter to errors only, sort by confidence, open
/// an image in the annotator with the predictions shown there (next / previous step through the
/// gallery's errors), or accept an image's unmatched predictions as annotations.

#include "annotationcanvas.h"
#include "project/types.h"
#include "train/testpredictions.h"

#include <QImage>
#include <QSet>
#include <QTimer>
#include <QWidget>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;

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
        int falsePositives = 0, missed = 0; // detection, at the threshold
        QString truth, predicted;           // classification
        double confidence = 0;              // highest score in the image at the threshold
        std::vector<Box> unmatched;         // predictions (project class ids) that match no object
        std::vector<ShownPrediction> shown; // every prediction at the threshold
    };

    explicit ResultsGallery(QWidget *parent = nullptr);
    ~ResultsGallery() override;

    void setProject(Project *project);
    /// Shows the run's test images with its stored predictions (asynchronous; `ready` follows). A run
    /// trained before predictions were stored is evaluated once, as the trainer does, and stored.
    void showRun(qint64 runId);
    void clear();

    int itemCount() const { return int(m_items.size()); }
    qint64 runId() const { return m_runId; }
    QSet<qint64> errorIds() const;
    int errorCount() const;
    int visibleCount() const;
    /// The ids in the gallery's order (filter and sort applied).
    std::vector<qint64> shownIds() const;
    const Item *item(qint64 exampleId) const;
    /// Detection: the confidence threshold the gallery shows (changes redraw at once).
    double threshold() const { return m_threshold; }
    void setThreshold(double threshold);
    /// The run's best-F1 threshold (-1 when the run does not have one): the slider's default.
    double bestF1Threshold() const { return m_bestF1; }
    /// Adds the unmatched predictions of `exampleId` at the threshold as boxes (detection). Returns how many.
    int acceptPredictions(qint64 exampleId);
    void setErrorsOnly(bool on);

Q_SIGNALS:
    void ready(); // the gallery of the last request is shown
    /// Open `ids[index]` in the annotator; next / previous step through `ids` (the gallery's errors, in
    /// its order, and the image opened).
    void openExamples(const std::vector<qint64> &ids, int index);
    void annotationsChanged();

private:
    struct Entry { // what the background job read: everything but the threshold's decisions
        qint64 exampleId = 0;
        QString fileName;
        QImage base; // the image scaled to the tile, no drawing yet
        double scale = 1;
        std::vector<Box> truth;
        qint64 truthClass = 0;
        train::ImagePredictions predicted;
    };
    void deliver(std::vector<Entry> entries, QString message, double reported, double bestF1, bool evaluatedNow);
    void showThreshold(); // the slider's value beside it, with the best-F1 threshold
    void decide();        // the items at the threshold
    void rebuild();       // the list from the items
    void updateAccept();

    qint64 m_runId = 0;
    Project *m_project = nullptr;
    std::vector<Entry> m_entries;
    std::vector<Item> m_items;
    std::map<qint64, QString> m_classNames;
    bool m_detection = false;
    double m_threshold = 0.5, m_reported = -1, m_bestF1 = -1, m_minScore = 0;
    QString m_note; // how the predictions were obtained, when not simply read
    QListWidget *m_list = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QComboBox *m_sort = nullptr;
    QLabel *m_status = nullptr, *m_legend = nullptr, *m_thresholdText = nullptr;
    QSlider *m_slider = nullptr;
    QWidget *m_thresholdRow = nullptr;
    QPushButton *m_accept = nullptr;
    QTimer m_redraw;  // coalesces slider moves
    JobTracker m_job; // the images being read; superseded requests are dropped
};

} // namespace visor
