// The translations are complete and consistent: lupdate run over the sources finds no string that a
// .ts file lacks and no entry the sources dropped; every translation is finished, keeps the source's
// placeholders and accelerators; the compiled catalogue in the program uses the glossary; Qt's own
// strings come in Portuguese too.

#include "language.h"
#include "project/parameters.h"

#include <QDir>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace visor;

namespace {

struct Message {
    QString context, source, type;
    QStringList translations; // one per numerus form, or one
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.translations << xml.readElementText(); // <numerusform>
            } else {
                m.translations << xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return out;
}

QString where(const Message &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(80));
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d+|%n"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

// A mnemonic: '&' before a letter ("&File"); "&&" and "Results & History" are literal ampersands.
bool hasAccelerator(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("&\\w"));
    return QString(text).remove(QStringLiteral("&&")).contains(re);
}

QStringList tsFiles()
{
    return QDir(QStringLiteral(VISOR_SOURCE_DIR "/translations")).entryList({QStringLiteral("*.ts")}, QDir::Files);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sourcesAndCatalogueAgree_data();
    void sourcesAndCatalogueAgree();
    void everyTranslationFinished_data() { sourcesAndCatalogueAgree_data(); }
    void everyTranslationFinished();
    void glossary();
    void everyParameterLabelTranslated();
    void qtOwnStringsTranslated();
    void languageFollowsLocaleAndChoice();
    void englishSaysOneBoxAndTwoBoxes();
};

// Issue 17.18: English texts say "1 box" and "2 boxes", not "box(es)": the sources' %n strings get their
// English forms from the plural catalogue, which installLanguage("en") loads; no "(s)" is left in a
// numerus form of either language.
void TestTranslations::englishSaysOneBoxAndTwoBoxes()
{
    QVERIFY(installLanguage(*qApp, QStringLiteral("en")));
    auto restore = qScopeGuard([] {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    });
    QCOMPARE(QCoreApplication::translate("visor::AnnotationPage", "%n box(es)", nullptr, 1), QStringLiteral("1 box"));
    QCOMPARE(QCoreApplication::translate("visor::AnnotationPage", "%n box(es)", nullptr, 2), QStringLiteral("2 boxes"));
    QCOMPARE(QCoreApplication::translate("visor::Trainer", "ran the %n epoch(s) of train.epochs", nullptr, 1),
             QStringLiteral("ran the 1 epoch of train.epochs"));
    QVERIFY(!availableLanguages().isEmpty());
    int english = 0;
    for (const Language &l : availableLanguages())
        english += l.code == QLatin1String("en");
    QCOMPARE(english, 1); // the plural catalogue is not a second English
    for (const QString &file : tsFiles()) {
        QString error;
        for (const Message &m : readTs(QStringLiteral(VISOR_SOURCE_DIR "/translations/") + file, &error))
            if (m.numerus)
                for (const QString &t : m.translations)
                    QVERIFY2(!t.contains(QLatin1String("(s)")) && !t.contains(QLatin1String("(es)")),
                             qPrintable(file + QStringLiteral(": ") + t));
    }
}

void TestTranslations::sourcesAndCatalogueAgree_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = tsFiles();
    QVERIFY2(files.contains(QStringLiteral("visor_pt_BR.ts")), "translations/visor_pt_BR.ts is missing");
    QVERIFY2(files.contains(QStringLiteral("visor_en.ts")), "translations/visor_en.ts (English plurals) is missing");
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

// lupdate over a copy: a string in the sources but not in the file arrives "unfinished"; an entry whose
// string left the sources is dropped (-no-obsolete), so the counts differ.
void TestTranslations::sourcesAndCatalogueAgree()
{
    QFETCH(QString, file);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString committed = QStringLiteral(VISOR_SOURCE_DIR "/translations/") + file;
    const QString copy = tmp.filePath(file);
    QVERIFY(QFile::copy(committed, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(VISOR_SOURCE_DIR));
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    // visor_en.ts holds the English plural forms only (lupdate -pluralonly).
    const bool pluralsOnly = file == QLatin1String("visor_en.ts");
    QStringList arguments{QStringLiteral("-locations"),   QStringLiteral("none"),
                          QStringLiteral("-no-obsolete"), QStringLiteral("engine"),
                          QStringLiteral("widgets"),      QStringLiteral("app/gui"),
                          QStringLiteral("-ts"),          copy};
    if (pluralsOnly)
        arguments.prepend(QStringLiteral("-pluralonly"));
    lupdate.start(QStringLiteral(VISOR_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QString log = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitCode() == 0, qPrintable(log));
    // lupdate's warnings ("file.cpp:12: Class 'X' lacks Q_OBJECT macro") mean a tr() whose context at
    // run time differs from the one in the catalogue: the string would never be translated.
    static const QRegularExpression warning(QStringLiteral("^\\S+\\.(cpp|h):\\d+: .*$"),
                                            QRegularExpression::MultilineOption);
    QStringList warnings;
    for (auto it = warning.globalMatch(log); it.hasNext();)
        warnings << it.next().captured();
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));

    QString error;
    const QList<Message> before = readTs(committed, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Message> after = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList missing;
    for (const Message &m : after)
        if (m.type == QLatin1String("unfinished"))
            missing << where(m);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) of the sources are not in %2 (run `make translations` and "
                                       "translate them):\n  %3")
                            .arg(missing.size())
                            .arg(file, missing.join(QStringLiteral("\n  ")))));
    QSet<QString> current;
    for (const Message &m : after)
        current.insert(m.context + QLatin1Char('\x1f') + m.source);
    QStringList stale;
    for (const Message &m : before)
        if (!current.contains(m.context + QLatin1Char('\x1f') + m.source))
            stale << where(m);
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("%1 holds strings the sources no longer have (run `make "
                                                        "translations`):\n  %2")
                                             .arg(file, stale.join(QStringLiteral("\n  ")))));
    QVERIFY2(before.size() > (pluralsOnly ? 30 : 400), "suspiciously few strings in the catalogue");
    if (pluralsOnly)
        for (const Message &m : before)
            QVERIFY2(m.numerus, qPrintable(where(m) + QStringLiteral(" is not a plural in the plural catalogue")));
}

void TestTranslations::everyTranslationFinished()
{
    QFETCH(QString, file);
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(VISOR_SOURCE_DIR "/translations/") + file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &m : messages) {
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1: marked %2").arg(where(m), m.type);
            continue;
        }
        if (m.translations.isEmpty() || m.translations.contains(QString())) {
            problems << QStringLiteral("%1: empty translation").arg(where(m));
            continue;
        }
        for (const QString &t : m.translations) {
            QStringList want = placeholders(m.source), got = placeholders(t);
            if (m.numerus) { // a singular form may spell the number out
                want.removeAll(QStringLiteral("%n"));
                got.removeAll(QStringLiteral("%n"));
            }
            if (want != got)
                problems << QStringLiteral("%1: placeholders %2 in the source, %3 in \"%4\"")
                                .arg(where(m), want.join(QLatin1Char(' ')), got.join(QLatin1Char(' ')), t);
            if (hasAccelerator(m.source) != hasAccelerator(t))
                problems << QStringLiteral("%1: the accelerator (&) is lost or added in \"%2\"").arg(where(m), t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// The compiled catalogue built into the program, with the domain terms a Brazilian user expects.
void TestTranslations::glossary()
{
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/visor_pt_BR.qm")), "visor_pt_BR.qm is not built into the program");
    const struct {
        const char *context, *source, *expected;
    } terms[] = {
        {"visor::Parameters", "Batch size", "Tamanho do lote"},
        {"visor::Parameters", "Learning rate", "Taxa de aprendizagem"},
        {"visor::Parameters", "Epochs", "Épocas"},
        {"visor::MainWindow", "Data set", "Dataset"},
        {"visor::MainWindow", "Augmentation", "Expansão de dados"},
        {"visor::ParameterEditor", "Data augmentation", "Expansão de dados (Data Augmentation)"},
        {"visor::MainWindow", "Training", "Treinamento"},
        {"visor::DatasetPage", "Validation", "Validação"},
        {"visor::HistoryPage", "Recall", "Revocação"},
        {"visor::HistoryPage", "Precision", "Precisão"},
    };
    for (const auto &t : terms)
        QCOMPARE(translator.translate(t.context, t.source), QString::fromUtf8(t.expected));
}

// Labels come from the engine's registry at run time: lupdate sees them only through QT_TRANSLATE_NOOP.
void TestTranslations::everyParameterLabelTranslated()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/visor_pt_BR.qm")));
    const QSet<QString> sameInPortuguese{QStringLiteral("Beta 1"), QStringLiteral("Beta 2"), QStringLiteral("AMSGrad"),
                                         QStringLiteral("Backbone")};
    QStringList untranslated;
    for (const ParamSpec &s : ParameterRegistry::instance().all()) {
        const QString t = translator.translate("visor::Parameters", s.label.toUtf8().constData());
        if (t.isEmpty() || (t == s.label && !sameInPortuguese.contains(s.label)))
            untranslated << QStringLiteral("%1 (%2)").arg(s.label, s.key);
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(", "))));
}

void TestTranslations::qtOwnStringsTranslated()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QTranslator qt;
    QVERIFY2(
        qt.load(QLocale(QStringLiteral("pt_BR")), QStringLiteral("qtbase"), QStringLiteral("_"), dir),
        qPrintable(QStringLiteral("qtbase_pt_BR.qm is not in %1 (Debian package qt6-translations-l10n)").arg(dir)));
    QCOMPARE(qt.translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
}

void TestTranslations::languageFollowsLocaleAndChoice()
{
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("pt_BR"))), QStringLiteral("pt_BR"));
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("pt_PT"))), QStringLiteral("pt_BR"));
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    QCOMPARE(resolveLanguage(QStringLiteral("en"), QLocale(QStringLiteral("pt_BR"))), QStringLiteral("en"));
    QCOMPARE(resolveLanguage(QStringLiteral("pt_BR"), QLocale(QStringLiteral("en_US"))), QStringLiteral("pt_BR"));
    QCOMPARE(resolveLanguage(QStringLiteral("xx"), QLocale(QStringLiteral("en_US"))), QStringLiteral("en"));
    bool portuguese = false;
    for (const Language &l : availableLanguages())
        portuguese |= l.code == QLatin1String("pt_BR") && l.nativeName == QStringLiteral("Português (Brasil)");
    QVERIFY(portuguese);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
