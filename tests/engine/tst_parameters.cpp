#include "project/parameters.h"
#include "project/types.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace visor;

class TestParameters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreValid()
    {
        const auto &reg = ParameterRegistry::instance();
        QVERIFY(reg.all().size() > 70);
        for (const ParamSpec &s : reg.all())
            QVERIFY2(reg.validate(s.key, s.defaultValue).isEmpty(), qPrintable(reg.validate(s.key, s.defaultValue)));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // empty: valid; else a fragment of the message
        QTest::newRow("epochs ok") << "train.epochs"
                                   << "200"
                                   << "";
        QTest::newRow("epochs above") << "train.epochs"
                                      << "201"
                                      << "above the maximum 200";
        QTest::newRow("epochs below") << "train.epochs"
                                      << "0"
                                      << "below the minimum 1";
        QTest::newRow("epochs fraction") << "train.epochs"
                                         << "2.5"
                                         << "not an integer";
        QTest::newRow("epochs text") << "train.epochs"
                                     << "many"
                                     << "cannot read";
        QTest::newRow("lr tiny") << "optimizer.learning_rate"
                                 << "1e-7"
                                 << "below the minimum 1e-06";
        QTest::newRow("lr ok") << "optimizer.learning_rate"
                               << "0.1"
                               << "";
        QTest::newRow("bool") << "optimizer.amsgrad"
                              << "true"
                              << "";
        QTest::newRow("bool bad") << "optimizer.amsgrad"
                                  << "maybe"
                                  << "cannot read";
        QTest::newRow("choice") << "augment.noise.method"
                                << "poisson"
                                << "";
        QTest::newRow("choice bad") << "augment.noise.method"
                                    << "salt"
                                    << "not one of the choices";
        QTest::newRow("numeric choice") << "input.channels"
                                        << "3"
                                        << "";
        QTest::newRow("numeric choice bad") << "input.channels"
                                            << "2"
                                            << "not one of the choices";
        QTest::newRow("pair") << "augment.rotate.degrees"
                              << "-90..45"
                              << "";
        QTest::newRow("pair reversed") << "augment.rotate.degrees"
                                       << "10..-10"
                                       << "lower end";
        QTest::newRow("pair out") << "augment.rotate.degrees"
                                  << "-91..0"
                                  << "below the minimum -90";
        QTest::newRow("pair one") << "augment.rotate.degrees"
                                  << "5"
                                  << "cannot read";
        QTest::newRow("list") << "anchors.sizes"
                              << "16,32,64"
                              << "";
        QTest::newRow("list brackets") << "anchors.ratios"
                                       << "[0.5, 1, 2]"
                                       << "";
        QTest::newRow("list int") << "anchors.strides"
                                  << "8,16.5"
                                  << "not an integer";
        QTest::newRow("list negative") << "anchors.scales"
                                       << "1,-1"
                                       << "positive";
        QTest::newRow("unbounded above") << "early_stopping.patience"
                                         << "1000"
                                         << "";
        QTest::newRow("unbounded below") << "early_stopping.min_delta"
                                         << "-0.1"
                                         << "below the minimum 0";
        QTest::newRow("monitor detection") << "checkpoint.monitor"
                                           << "val_map"
                                           << "";
        // Issue 12.18: integers past 32 bits were accepted and became 0; 12.19: beta 1.0 failed every run.
        QTest::newRow("patience 2^31") << "early_stopping.patience"
                                       << "2147483648"
                                       << "above the largest integer";
        QTest::newRow("lr patience 2^40") << "reduce_lr.patience"
                                          << "1099511627776"
                                          << "above the largest integer";
        QTest::newRow("patience int max") << "early_stopping.patience"
                                          << "2147483647"
                                          << "";
        QTest::newRow("cooldown huge") << "reduce_lr.cooldown"
                                       << "1e12"
                                       << "above the maximum";
        QTest::newRow("beta_1 one") << "optimizer.beta_1"
                                    << "1.0"
                                    << "must be below 1";
        QTest::newRow("beta_2 one") << "optimizer.beta_2"
                                    << "1"
                                    << "must be below 1";
        QTest::newRow("beta_1 near one") << "optimizer.beta_1"
                                         << "0.9999"
                                         << "";
        QTest::newRow("unknown key") << "train.nonsense"
                                     << "1"
                                     << "unknown parameter 'train.nonsense'";
    }

    void validation()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QJsonValue v;
        const QString e = ParameterRegistry::instance().parse(key, text, &v);
        if (error.isEmpty()) {
            QVERIFY2(e.isEmpty(), qPrintable(e));
            QCOMPARE(ParameterRegistry::instance().parse(key, ParameterRegistry::format(v), &v), QString());
        } else {
            QVERIFY2(e.contains(error), qPrintable(e));
            QVERIFY2(e.contains(key), qPrintable(e)); // every message names the parameter
        }
    }

    void setNeverClamps()
    {
        ParameterSet set;
        QVERIFY_THROWS_EXCEPTION(Error, set.set(QStringLiteral("train.batch_size"), 65));
        QCOMPARE(set.toInt(QStringLiteral("train.batch_size")), 10);
        set.set(QStringLiteral("train.batch_size"), 64);
        QCOMPARE(set.toInt(QStringLiteral("train.batch_size")), 64);
        QCOMPARE(set.changedKeys(), QStringList{QStringLiteral("train.batch_size")});
        QStringList errors;
        QJsonObject o = set.toJson();
        o.insert(QStringLiteral("train.epochs"), 999);
        const ParameterSet loaded = ParameterSet::fromJson(o, &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors[0].contains(QStringLiteral("train.epochs")));
        QCOMPARE(loaded.toInt(QStringLiteral("train.epochs")), 5);
        QCOMPARE(loaded.toInt(QStringLiteral("train.batch_size")), 64);
    }

    // The registry transcribes shared/spec/PARAMETERS.md: every key and default of its tables must match.
    void matchesSpecTable()
    {
        const QString shared = test::sharedDir();
        if (shared.isEmpty())
            QSKIP("../shared is absent (a fresh clone): spec conformance not checked");
        QFile f(shared + QStringLiteral("/spec/PARAMETERS.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        QString prefix;
        bool augment = false;
        int checked = 0;
        static const QRegularExpression heading(QStringLiteral("\\(`([a-z_]+)\\.\\*`"));
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1Char('#'))) {
                const auto m = heading.match(line);
                prefix = m.hasMatch() ? m.captured(1) : QString();
                augment = prefix == QLatin1String("augment");
                continue;
            }
            if (!line.startsWith(QLatin1String("| ")) || prefix.isEmpty())
                continue;
            QStringList cells = line.split(QLatin1Char('|'));
            cells = cells.mid(1, cells.size() - 2);
            for (QString &c : cells)
                c = c.trimmed();
            if (cells.size() < 3 || cells[0] == QLatin1String("key") || cells[0] == QLatin1String("group") ||
                cells[0].startsWith(QLatin1String("---")))
                continue;
            QString key, def;
            if (augment) {
                key = cells[0] == QLatin1String("general")
                          ? prefix + QLatin1Char('.') + cells[1]
                          : prefix + QLatin1Char('.') + cells[0] + QLatin1Char('.') + cells[1];
                def = cells[3];
            } else {
                key = prefix + QLatin1Char('.') + cells[0];
                def = cells[2];
            }
            const ParamSpec *s = ParameterRegistry::instance().find(key);
            QVERIFY2(s, qPrintable(QStringLiteral("spec key %1 missing from the registry").arg(key)));
            def.remove(QLatin1Char('`'));
            QJsonValue v;
            const QString e = ParameterRegistry::instance().parse(key, def, &v);
            QVERIFY2(e.isEmpty(), qPrintable(e));
            QVERIFY2(v == s->defaultValue, qPrintable(QStringLiteral("%1: spec default %2, registry %3")
                                                          .arg(key, def, ParameterRegistry::format(s->defaultValue))));
            ++checked;
        }
        QVERIFY2(checked >= 70, qPrintable(QString::number(checked)));
    }
};

QTEST_GUILESS_MAIN(TestParameters)
#include "tst_parameters.moc"
