#pragma once
/// The annotations of the image being edited, and every edit as an undo command. A command holds the
/// image's annotations before and after the edit and writes them to the project store when it is done,
/// undone or redone, so every edit is saved at once and undo works without a widget. Each image has its
/// own undo stack (undo acts on the image in front of the user).

#include "project/project.h"

#include <QObject>
#include <QUndoCommand>
#include <QUndoGroup>
#include <map>

namespace visor {

class AnnotationDocument : public QObject {
    Q_OBJECT
public:
    struct State {
        std::vector<Box> boxes; // image pixels
        bool labelled = false;
        qint64 label = 0;                     // classification
        std::vector<ModelProposal> proposals; // a model's predictions not accepted yet, by descending score
        bool operator==(const State &o) const;
    };

    explicit AnnotationDocument(Project &project, QObject *parent = nullptr);

    /// Shows `exampleId` (loads its annotations, activates its undo stack).
    void load(qint64 exampleId);
    qint64 exampleId() const { return m_exampleId; }
    const State &state() const { return m_state; }
    const std::vector<Box> &boxes() const { return m_state.boxes; }
    Project &project() const { return m_project; }
    QUndoGroup *undoGroup() { return &m_group; }
    QUndoStack *undoStack() const { return m_group.activeStack(); }

    // Edits: each pushes one undo command (and saves).
    void addBox(const Box &box);
    void removeBox(int index);
    /// Moves or resizes a box. Consecutive calls with the same non-zero `gesture` merge into one step.
    void setBox(int index, const Box &box, int gesture = 0);
    void setBoxClass(int index, qint64 classId);
    void setImageLabel(qint64 classId); // classification
    void replaceBoxes(const std::vector<Box> &boxes, const QString &text);
    void markAnnotated(); // detection: "no object here" is an annotation too
    /// A proposal becomes a box (detection) or the image's class, and is a proposal no more.
    void acceptProposal(int index);
    /// Every proposal of `indexes` becomes a box (classification: the first one's class).
    void acceptProposals(const std::vector<int> &indexes);
    void rejectProposal(int index);
    const std::vector<ModelProposal> &proposals() const { return m_state.proposals; }

    /// Writes `state` for `exampleId` to the store in one transaction (used by the commands). False,
    /// with saveFailed() emitted, when the store refused it; the document then shows what is stored.
    bool write(qint64 exampleId, const State &state);

Q_SIGNALS:
    void changed(); // the annotations of the shown image changed (an edit, an undo, a load)
    void saveFailed(const QString &message);

private:
    void push(const State &after, const QString &text, int mergeId = -1);
    State read(qint64 exampleId) const;

    Project &m_project;
    qint64 m_exampleId = 0;
    State m_state;
    QUndoGroup m_group;
    std::map<qint64, QUndoStack *> m_stacks;
};

} // namespace visor
