#pragma once
/// Proposals: what a model predicted for an example, kept beside the annotations (their own table)
/// until a person accepts one (it becomes a box, or the example's class) or rejects it. The edge's
/// feedback arrives as proposals; model-assisted annotation adds them too. And where an example came
/// from beyond its import folder (a frame visor-edge kept, with why).

#include "project.h"

#include <QJsonObject>
#include <set>

namespace visor {

class ProposalStore {
public:
    explicit ProposalStore(Project &project) : m_project(project) {}
    /// Adds proposals (exampleId and classId must exist); returns their ids. One transaction.
    std::vector<qint64> add(const std::vector<ModelProposal> &proposals);
    std::vector<ModelProposal> of(qint64 exampleId) const;
    std::optional<ModelProposal> proposal(qint64 id) const;
    /// The examples that have at least one proposal.
    std::set<qint64> examplesWithProposals() const;
    qint64 count() const;
    /// The proposal becomes an annotation and is removed, in one transaction: a box (returned id) or
    /// the example's class (returns 0). Throws Error naming a proposal that does not exist.
    qint64 accept(qint64 id);
    /// Removes proposals (rejected, or taken back by an undo of their acceptance's inverse).
    void remove(const std::vector<qint64> &ids);
    /// Replaces the proposals of `exampleId` with `proposals` (the annotator's undo states).
    void replaceFor(qint64 exampleId, const std::vector<ModelProposal> &proposals);
    /// Replaces the proposals of `exampleId` that came from `origin` ("run 3") with `proposals`.
    void replaceFrom(qint64 exampleId, const QString &origin, const std::vector<ModelProposal> &proposals);
    /// Puts back a proposal as it was (the undo of an accept or a reject); returns its new id.
    qint64 restore(const ModelProposal &proposal);

    /// Where an example came from: `origin` ("edge") and details (reasons, frame, source, model).
    void setOrigin(qint64 exampleId, const QString &origin, const QJsonObject &details);
    QString origin(qint64 exampleId) const;
    QJsonObject originDetails(qint64 exampleId) const;
    std::set<qint64> examplesFrom(const QString &origin) const;

private:
    Project &m_project;
};

} // namespace visor
