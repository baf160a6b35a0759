#include "annotationdocument.h"
#include "project/proposals.h"

#include <algorithm>

namespace visor {
namespace {

class StateCommand : public QUndoCommand {
public:
    StateCommand(AnnotationDocument *doc, qint64 exampleId, AnnotationDocument::State before,
                 AnnotationDocument::State after, const QString &text, int mergeId)
        : QUndoCommand(text), m_doc(doc), m_exampleId(exampleId), m_before(std::move(before)),
          m_after(std::move(after)), m_mergeId(mergeId)
    {
    }
    // A step the store refused (a full disk, a locked or read-only project) is dropped from the stack, so
    // the stack never claims an edit the project does not hold.
    void redo() override { setObsolete(!m_doc->write(m_exampleId, m_after)); }
    void undo() override { setObsolete(!m_doc->write(m_exampleId, m_before)); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        // Only steps of the same gesture (one drag) merge: ids are per gesture.
        const auto *o = static_cast<const StateCommand *>(other);
        if (o->m_exampleId != m_exampleId)
            return false;
        m_after = o->m_after;
        return true;
    }

private:
    AnnotationDocument *m_doc;
    qint64 m_exampleId;
    AnnotationDocument::State m_before, m_after;
    int m_mergeId;
};

Box normalized(Box b) // corners in any order (a drag up and to the left) become x1 < x2, y1 < y2
{
    if (b.x1 > b.x2)
        std::swap(b.x1, b.x2);
    if (b.y1 > b.y2)
        std::swap(b.y1, b.y2);
    return b;
}

bool sameBox(const Box &a, const Box &b)
{
    return a.classId == b.classId && a.x1 == b.x1 && a.y1 == b.y1 && a.x2 == b.x2 && a.y2 == b.y2;
}

} // namespace

bool AnnotationDocument::State::operator==(const State &o) const
{
    if (labelled != o.labelled || label != o.label || boxes.size() != o.boxes.size())
        return false;
    for (size_t i = 0; i < boxes.size(); ++i)
        if (!sameBox(boxes[i], o.boxes[i]))
            return false;
    if (proposals.size() != o.proposals.size())
        return false;
    for (size_t i = 0; i < proposals.size(); ++i) {
        const ModelProposal &a = proposals[i], &b = o.proposals[i];
        if (a.classId != b.classId || a.hasBox != b.hasBox || a.x1 != b.x1 || a.y1 != b.y1 || a.x2 != b.x2 ||
            a.y2 != b.y2 || a.score != b.score)
            return false;
    }
    return true;
}

AnnotationDocument::AnnotationDocument(Project &project, QObject *parent) : QObject(parent), m_project(project) {}

AnnotationDocument::State AnnotationDocument::read(qint64 exampleId) const
{
    State s;
    if (auto e = m_project.example(exampleId)) {
        s.labelled = e->labelled;
        s.label = e->classId;
    }
    s.boxes = m_project.boxes(exampleId);
    s.proposals = ProposalStore(m_project).of(exampleId);
    return s;
}

void AnnotationDocument::load(qint64 exampleId)
{
    m_exampleId = exampleId;
    m_state = read(exampleId);
    QUndoStack *&stack = m_stacks[exampleId];
    if (!stack) {
        stack = new QUndoStack(this);
        m_group.addStack(stack);
    }
    m_group.setActiveStack(stack);
    Q_EMIT changed();
}

bool AnnotationDocument::write(qint64 exampleId, const State &state)
{
    QString failure;
    try {
        Transaction t(m_project.database()); // the annotation and the proposals it took, together
        if (m_project.kind() == DatasetKind::Classification)
            m_project.setLabel(exampleId, state.label);
        else
            m_project.saveAnnotation(exampleId, state.boxes, state.labelled);
        ProposalStore(m_project).replaceFor(exampleId, state.proposals);
        t.commit();
    } catch (const std::exception &e) { // never through Qt's event loop
        failure = QString::fromUtf8(e.what());
    }
    if (exampleId == m_exampleId) {
        m_state = read(exampleId); // the stored values, box ids included (unchanged after a failure)
        Q_EMIT changed();
    }
    if (!failure.isEmpty())
        Q_EMIT saveFailed(tr("The edit was not saved: %1").arg(failure));
    return failure.isEmpty();
}

void AnnotationDocument::push(const State &after, const QString &text, int mergeId)
{
    if (!m_exampleId || after == m_state)
        return;
    undoStack()->push(new StateCommand(this, m_exampleId, m_state, after, text, mergeId));
}

void AnnotationDocument::addBox(const Box &box)
{
    State s = m_state;
    s.boxes.push_back(normalized(box));
    s.labelled = true;
    push(s, tr("Add box"));
}

void AnnotationDocument::removeBox(int index)
{
    if (index < 0 || index >= int(m_state.boxes.size()))
        return;
    State s = m_state;
    s.boxes.erase(s.boxes.begin() + index);
    push(s, tr("Delete box"));
}

void AnnotationDocument::setBox(int index, const Box &box, int gesture)
{
    if (index < 0 || index >= int(m_state.boxes.size()))
        return;
    State s = m_state;
    s.boxes[size_t(index)] = normalized(box);
    push(s, tr("Move or resize box"), gesture > 0 ? 1000 + gesture : -1);
}

void AnnotationDocument::setBoxClass(int index, qint64 classId)
{
    if (index < 0 || index >= int(m_state.boxes.size()))
        return;
    State s = m_state;
    s.boxes[size_t(index)].classId = classId;
    push(s, tr("Change box class"));
}

void AnnotationDocument::setImageLabel(qint64 classId)
{
    State s = m_state;
    s.label = classId;
    s.labelled = classId > 0;
    push(s, tr("Set class"));
}

void AnnotationDocument::replaceBoxes(const std::vector<Box> &boxes, const QString &text)
{
    State s = m_state;
    s.boxes = boxes;
    s.labelled = true;
    push(s, text);
}

void AnnotationDocument::markAnnotated()
{
    State s = m_state;
    s.labelled = true;
    push(s, tr("Mark as annotated"));
}

void AnnotationDocument::acceptProposal(int index)
{
    acceptProposals({index});
}

void AnnotationDocument::acceptProposals(const std::vector<int> &indexes)
{
    State s = m_state;
    std::vector<int> sorted = indexes;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    int accepted = 0;
    for (auto it = sorted.rbegin(); it != sorted.rend(); ++it) { // from the back: indexes stay valid
        if (*it < 0 || *it >= int(s.proposals.size()))
            continue;
        const ModelProposal p = s.proposals[size_t(*it)];
        s.proposals.erase(s.proposals.begin() + *it);
        ++accepted;
        if (p.hasBox) {
            Box b;
            b.classId = p.classId;
            b.x1 = p.x1;
            b.y1 = p.y1;
            b.x2 = p.x2;
            b.y2 = p.y2;
            s.boxes.push_back(b);
            s.labelled = true;
        } else if (m_project.kind() == DatasetKind::Classification && it + 1 == sorted.rend()) {
            s.label = p.classId; // the first (highest) of those accepted
            s.labelled = true;
        }
    }
    if (accepted)
        push(s, accepted == 1 ? tr("Accept proposal") : tr("Accept %n proposal(s)", nullptr, accepted));
}

void AnnotationDocument::rejectProposal(int index)
{
    if (index < 0 || index >= int(m_state.proposals.size()))
        return;
    State s = m_state;
    s.proposals.erase(s.proposals.begin() + index);
    push(s, tr("Reject proposal"));
}

} // namespace visor
