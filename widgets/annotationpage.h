#pragma once
/// The annotator: the canvas, the class list (keys 1–9), next / previous through the grid's current
/// order (D / A or the arrow keys), undo / redo per image (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y), draw (W),
/// delete, add the previous image's boxes (C), fit (F), 1:1 (Ctrl+0), labels on or off (L). Every key is
/// an action of the page (the F1 sheet lists them). Every edit is saved at once. Opened from the results
/// gallery it shows the model's predictions too.

#include <QWidget>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QSlider;
class QToolBar;

namespace visor {

class AnnotationCanvas;
class AnnotationDocument;
class Project;
struct ShownPrediction;

class AnnotationPage : public QWidget {
    Q_OBJECT
public:
    explicit AnnotationPage(QWidget *parent = nullptr);
    ~AnnotationPage() override;

    void setProject(Project *project);
    /// A model's predictions for an example (the results gallery's, at its threshold).
    using PredictionsOf = std::function<std::vector<ShownPrediction>(qint64 exampleId)>;
    /// Shows `ids[index]`; next / previous move through `ids`. With `predictions`, each image shows the
    /// model's predictions over its boxes.
    void open(const std::vector<qint64> &ids, int index, PredictionsOf predictions = {});
    qint64 currentExample() const;
    int currentIndex() const { return m_index; }

    AnnotationDocument *document() const { return m_document.get(); }
    AnnotationCanvas *canvas() const { return m_canvas; }

public Q_SLOTS:
    void next();
    void previous();
    void chooseClass(int position); // 0-based position in the class list (key 1 is 0)
    void deleteSelected();
    void copyPreviousBoxes();
    void reloadClasses();
    /// Proposals (a model's predictions not accepted yet): Enter accepts the selected one, Shift+Enter
    /// every one shown, Del rejects the selected one (when no box is selected), Tab selects the next,
    /// P opens the next image that has proposals. Each is an undoable edit.
    void acceptProposal();
    void acceptShownProposals();
    void rejectProposal();
    void selectNextProposal();
    void nextWithProposals();
    void setProposalThreshold(double threshold);
    int selectedProposal() const { return m_selectedProposal; }

Q_SIGNALS:
    void closed();            // back to the grid
    void annotationsEdited(); // the grid and the health panel are stale

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showSelectedClass(int index);
    void showExample(int index);
    void updateStatus();
    void updateProposals();

    Project *m_project = nullptr;
    std::unique_ptr<AnnotationDocument> m_document;
    AnnotationCanvas *m_canvas = nullptr;
    QWidget *m_canvasHolder = nullptr;
    QListWidget *m_classes = nullptr;
    QLabel *m_status = nullptr;
    QToolBar *m_toolbar = nullptr;
    std::vector<QAction *> m_undoActions;
    QAction *m_undoPlace = nullptr;
    QAction *m_drawAction = nullptr, *m_labelsAction = nullptr;
    PredictionsOf m_predictionsOf;
    QWidget *m_proposalBar = nullptr;
    QLabel *m_proposalText = nullptr, *m_proposalValue = nullptr;
    QSlider *m_proposalSlider = nullptr;
    double m_proposalThreshold = 0.3;
    int m_selectedProposal = -1;
    std::vector<qint64> m_ids;
    int m_index = -1;
};

} // namespace visor
