#include "exportmodeldialog.h"

#include "folderchooser.h"
#include "project/project.h"
#include "train/modelexport.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace visor {

ExportModelDialog::ExportModelDialog(const QString &projectDir, const QString &projectName, qint64 runId,
                                     QWidget *parent)
    : QDialog(parent), m_projectDir(projectDir), m_runId(runId)
{
    setWindowTitle(tr("Export the model of run %1").arg(runId));
    auto *intro = new QLabel(
        tr("Writes a bundle for visor-edge and other programs: model.onnx (ONNX, preprocessing and box decoding "
           "inside), model.json and README.txt. The export is run with OpenCV on every image of the chosen split "
           "and compared with the trained model; it fails if they differ."));
    intro->setWordWrap(true);
    m_folder =
        new QLineEdit(QDir::home().filePath(QStringLiteral("visor-models/%1-run%2")
                                                .arg(projectName.isEmpty() ? QStringLiteral("model") : projectName)
                                                .arg(runId)));
    auto *choose = new QPushButton(tr("Choose…"));
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString parentDir = chooseFolder(this, tr("Folder to export into"), QStringLiteral("export-model"));
        if (!parentDir.isEmpty())
            m_folder->setText(QDir(parentDir).filePath(QStringLiteral("run%1").arg(m_runId)));
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(choose);
    m_split = new QComboBox;
    m_split->addItem(tr("validation"), int(Split::Val));
    m_split->addItem(tr("test"), int(Split::Test));
    m_split->addItem(tr("training"), int(Split::Train));
    auto *form = new QFormLayout;
    form->addRow(tr("Bundle folder (new or empty):"), folderRow);
    form->addRow(tr("Parity check on:"), m_split);
    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    m_verdict = new QLabel;
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report = new QPlainTextEdit;
    m_report->setReadOnly(true);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setPlaceholderText(tr("The parity report appears here."));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, &ExportModelDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportModelDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_verdict);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_buttons);
    resize(640, 460);
}

ExportModelDialog::~ExportModelDialog()
{
    *m_cancel = true;
}

void ExportModelDialog::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

QString ExportModelDialog::report() const
{
    return m_report->toPlainText();
}

void ExportModelDialog::startExport()
{
    if (m_busy)
        return;
    m_busy = true;
    m_succeeded = false;
    *m_cancel = false;
    m_export->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_verdict->setText(tr("Exporting and checking…"));
    m_report->clear();
    const QString dir = m_projectDir, folder = m_folder->text().trimmed();
    const qint64 run = m_runId;
    const Split split = Split(m_split->currentData().toInt());
    auto cancel = m_cancel;
    QPointer<QProgressBar> bar = m_progress;
    struct Outcome {
        bool ok = false;
        QString text, folder;
    };
    m_job.start(
        [=](const JobTracker::Cancelled &) {
            Outcome out;
            try {
                auto project = Project::open(dir, Project::OpenMode::ReadOnly); // this thread's own connection
                train::ExportOptions o;
                o.folder = folder;
                o.split = split;
                o.cancel = cancel.get();
                o.progress = [bar](int done, int total) {
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [bar, done, total] {
                            if (bar) {
                                bar->setRange(0, total);
                                bar->setValue(done);
                            }
                        },
                        Qt::QueuedConnection);
                };
                const train::ExportResult r = train::exportModel(*project, run, o);
                out.ok = true;
                out.folder = r.folder;
                out.text = r.parity.summary();
            } catch (const Error &e) {
                out.text = e.message();
            } catch (const std::exception &e) {
                out.text = QString::fromUtf8(e.what());
            }
            return out;
        },
        [this](Outcome out) { ended(out.ok, out.text, out.folder); });
}

void ExportModelDialog::ended(bool succeeded, const QString &text, const QString &folder)
{
    m_busy = false;
    m_succeeded = succeeded;
    m_progress->setVisible(false);
    m_export->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_report->setPlainText(text);
    if (succeeded)
        m_verdict->setText(tr("<b>Exported</b> to <a href=\"%1\">%2</a>: the export scores as the trained model.")
                               .arg(QUrl::fromLocalFile(folder).toString(), folder.toHtmlEscaped()));
    else
        m_verdict->setText(tr("<b style=\"color:#c0392b\">Not exported.</b> Nothing was written."));
    m_verdict->setOpenExternalLinks(true);
    Q_EMIT exportEnded(succeeded);
}

void ExportModelDialog::reject()
{
    if (m_busy) { // Cancel: the export stops at its next image and removes what it wrote
        *m_cancel = true;
        return;
    }
    QDialog::reject();
}

} // namespace visor
