#pragma once
#include "jobtracker.h"
/// The Augmentation page: an editor for every augment.* parameter and a 3x3 grid of live previews of
/// one example as the network sees it (input resolution), with its transformed boxes and a caption of
/// what was applied. Previews are computed off the GUI thread; a newer request supersedes an older one,
/// whose result is dropped.

#include "project/parameters.h"

#include <QElapsedTimer>
#include <QImage>
#include <QSet>
#include <QWidget>
#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace visor {

class ParameterEditor;
class Project;

class AugmentationPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kVariants = 9;

    explicit AugmentationPage(QWidget *parent = nullptr);
    ~AugmentationPage() override;
    void setProject(Project *project);

    ParameterEditor *editor() const { return m_editor; }
    /// Captions of the previews shown (for tests); empty until the first preview arrives.
    QStringList captions() const;
    int previewsShown() const { return m_shown; }
    double lastPreviewMs() const { return m_lastMs; }

public Q_SLOTS:
    void reroll();
    void resetToDefaults();
    void setExample(int index); // index among the project's examples
    /// These examples' annotations changed: the preview is redone if it shows one of them (reloading the
    /// project's 100,000 example ids for an edit stalled the window for 90 ms).
    void annotationsChanged(const QSet<qint64> &ids);

Q_SIGNALS:
    void previewReady();      // a grid of previews was shown
    void parametersChanged(); // a valid edit was stored

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Result;
    void rescaleCells();
    std::vector<QImage> m_images;
    std::vector<qint64> m_ids; // the project's examples, in order
    void requestPreview();
    void showResult(const std::shared_ptr<Result> &result);
    void save();

    Project *m_project = nullptr;
    ParameterEditor *m_editor = nullptr;
    QLabel *m_cells[kVariants] = {};
    QLabel *m_captions[kVariants] = {};
    QLabel *m_info = nullptr;
    QCheckBox *m_force = nullptr;
    QSpinBox *m_example = nullptr;
    QString m_editedKey;
    quint64 m_seed = 1;
    JobTracker m_preview{this, JobTracker::Lane::Interactive}; // the newest preview; older results dropped
    int m_shown = 0;
    double m_lastMs = 0;
};

} // namespace visor
