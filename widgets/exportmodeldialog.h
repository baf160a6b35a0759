#pragma once
/// Results & History > Export model…: the selected run as a model bundle (model.onnx, model.json,
/// README.txt) for visor-edge and other programs, exported off the GUI thread, and the parity
/// report that proves the export scores as the trained model.

#include "jobtracker.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace visor {

class ExportModelDialog : public QDialog {
    Q_OBJECT
public:
    ExportModelDialog(const QString &projectDir, const QString &projectName, qint64 runId, QWidget *parent = nullptr);
    ~ExportModelDialog() override;
    void setFolder(const QString &folder);
    /// Starts the export (the Export button).
    void startExport();
    bool isBusy() const { return m_busy; }
    /// The parity report, or the reason the export failed, once it ended.
    QString report() const;
    bool succeeded() const { return m_succeeded; }

Q_SIGNALS:
    void exportEnded(bool succeeded);

protected:
    void reject() override;

private:
    void ended(bool succeeded, const QString &text, const QString &folder);

    QString m_projectDir;
    qint64 m_runId = 0;
    QLineEdit *m_folder = nullptr;
    QComboBox *m_split = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_verdict = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_export = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    JobTracker m_job{this};
    bool m_busy = false, m_succeeded = false;
};

} // namespace visor
