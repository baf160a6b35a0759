#include "splitter.h"
#include "sql.h"

#include <QCryptographicHash>
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

namespace visor {
namespace {

// A uniform number in [0,1) drawn from (seed, content hash, salt). Keyed on the content hash, not on
// the row id, so the same images give the same split in any project with the same seed, whatever
// order they were imported in.
double uniform(quint64 seed, const QString &hash, char salt)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArray::number(seed));
    h.addData(QByteArrayView(&salt, 1));
    h.addData(hash.toLatin1());
    const QByteArray d = h.result();
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(d[i]);
    return double(v >> 11) * (1.0 / 9007199254740992.0);
}

struct Candidate {
    qint64 id;
    QString hash;
    qint64 stratum; // class id, 0 for unlabelled
    double key = 0;
};

// Orders candidates so that any prefix is stratified: inside each stratum a random permutation, and
// the i-th of n members gets key (i + u) / n, so every class is spread evenly along the order.
void stratifiedOrder(std::vector<Candidate> &list, quint64 seed)
{
    std::map<qint64, std::vector<Candidate *>> strata;
    for (auto &c : list)
        strata[c.stratum].push_back(&c);
    for (auto &[stratum, members] : strata) {
        for (auto *c : members)
            c->key = uniform(seed, c->hash, 'p');
        std::sort(members.begin(), members.end(),
                  [](auto *a, auto *b) { return a->key < b->key || (a->key == b->key && a->id < b->id); });
        const double n = double(members.size());
        for (size_t i = 0; i < members.size(); ++i)
            members[i]->key = (double(i) + uniform(seed, members[i]->hash, 'o')) / n;
    }
    std::sort(list.begin(), list.end(),
              [](const Candidate &a, const Candidate &b) { return a.key < b.key || (a.key == b.key && a.id < b.id); });
}

} // namespace

SplitCounts splitTargets(int total, double valFraction, double testFraction)
{
    SplitCounts c;
    c.val = std::min(100, int(std::lround(valFraction * total)));
    c.test = std::min(100, int(std::lround(testFraction * total)));
    if (c.val + c.test > total) { // only for tiny sets with large fractions
        c.test = std::max(0, total - c.val);
    }
    c.train = total - c.val - c.test;
    return c;
}

SplitPlan assignSplits(Project &project, bool reshuffle)
{
    return assignSplits(project, reshuffle ? SplitMode::Reshuffle : SplitMode::Missing);
}

SplitPlan assignSplits(Project &project, SplitMode mode)
{
    const ParameterSet params = project.parameters();
    QSqlDatabase &db = project.database();

    // Stratum of each example: the label, or for detection the most frequent class (ties: the lowest id).
    const QString stratumSql =
        project.kind() == DatasetKind::Classification
            ? QStringLiteral("SELECT e.id, e.hash, COALESCE(e.class_id, 0), e.split, e.pinned_split FROM examples e")
            : QStringLiteral(
                  "SELECT e.id, e.hash, COALESCE((SELECT b.class_id FROM boxes b WHERE b.example_id = e.id "
                  "GROUP BY b.class_id ORDER BY COUNT(*) DESC, b.class_id LIMIT 1), 0), e.split, e.pinned_split "
                  "FROM examples e");
    QSqlQuery q = sql::run(db, stratumSql, {}, "reading examples for the split");
    struct Row {
        Candidate candidate;
        std::optional<Split> split, pinned;
    };
    std::vector<Row> rows;
    SplitCounts held; // what each split holds before anything moves
    while (q.next()) {
        Row r{{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()}, {}, {}};
        if (!q.value(3).isNull())
            r.split = Split(q.value(3).toInt());
        if (!q.value(4).isNull())
            r.pinned = Split(q.value(4).toInt());
        const std::optional<Split> where = r.pinned ? r.pinned : r.split;
        if (where)
            (*where == Split::Train ? held.train : *where == Split::Val ? held.val : held.test)++;
        rows.push_back(std::move(r));
    }
    // FillEmpty: only an empty validation or test split takes examples, from the unpinned training ones.
    const bool fillVal = mode == SplitMode::FillEmpty && held.val == 0;
    const bool fillTest = mode == SplitMode::FillEmpty && held.test == 0;

    SplitCounts current;
    std::vector<Candidate> open;
    std::vector<std::pair<qint64, std::optional<Split>>> changes;
    auto count = [&current](Split s) {
        if (s == Split::Train)
            ++current.train;
        else if (s == Split::Val)
            ++current.val;
        else
            ++current.test;
    };
    for (const Row &r : rows) {
        if (r.pinned) {
            if (r.split != r.pinned)
                changes.emplace_back(r.candidate.id, *r.pinned);
            count(*r.pinned);
        } else if (r.split && (mode == SplitMode::Missing || (mode == SplitMode::FillEmpty &&
                                                              !(*r.split == Split::Train && (fillVal || fillTest))))) {
            count(*r.split);
        } else {
            open.push_back(r.candidate);
        }
    }

    const int total = current.total() + int(open.size());
    SplitPlan plan;
    plan.targets = splitTargets(total, params.toDouble(QStringLiteral("train.val_fraction")),
                                params.toDouble(QStringLiteral("train.test_fraction")));

    // Salt the order with the number of examples already placed so each growth step draws afresh
    // but reproducibly.
    stratifiedOrder(open, project.splitSeed() ^ (quint64(current.total()) * 0x9E3779B97F4A7C15ULL));
    int needVal = std::max(0, plan.targets.val - current.val);
    int needTest = std::max(0, plan.targets.test - current.test);
    if (mode == SplitMode::FillEmpty) { // a split that holds examples keeps exactly those
        needVal = fillVal ? needVal : 0;
        needTest = fillTest ? needTest : 0;
    }
    // Consecutive blocks of the stratified order are stratified: validation takes the first block,
    // test the next one, training the rest.
    size_t i = 0;
    for (; i < open.size() && needVal > 0; ++i, --needVal) {
        changes.emplace_back(open[i].id, Split::Val);
        count(Split::Val);
    }
    for (; i < open.size() && needTest > 0; ++i, --needTest) {
        changes.emplace_back(open[i].id, Split::Test);
        count(Split::Test);
    }
    for (; i < open.size(); ++i) {
        changes.emplace_back(open[i].id, Split::Train);
        count(Split::Train);
    }
    if (mode == SplitMode::FillEmpty) { // examples that stay in training are no change
        std::unordered_set<qint64> inTrain;
        for (const Row &r : rows)
            if (r.split == Split::Train)
                inTrain.insert(r.candidate.id);
        changes.erase(
            std::remove_if(changes.begin(), changes.end(),
                           [&inTrain](const auto &c) { return c.second == Split::Train && inTrain.count(c.first); }),
            changes.end());
    }
    project.setSplits(changes);
    plan.result = current;
    plan.assigned = int(changes.size());
    return plan;
}

} // namespace visor
