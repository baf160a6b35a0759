#include "splitter.h"
#include "sql.h"

#include <QCryptographicHash>
#include <algorithm>
#include <cmath>
#include <map>

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
    while (q.next()) {
        Candidate c{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()};
        const QVariant split = q.value(3), pinned = q.value(4);
        if (!pinned.isNull()) {
            const Split p = Split(pinned.toInt());
            if (split.isNull() || split.toInt() != pinned.toInt())
                changes.emplace_back(c.id, p);
            count(p);
        } else if (!reshuffle && !split.isNull()) {
            count(Split(split.toInt()));
        } else {
            open.push_back(c);
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
    project.setSplits(changes);
    plan.result = current;
    plan.assigned = int(changes.size());
    return plan;
}

} // namespace visor
