#include "historypage.h"

#include "advise/runadvice.h"
#include "exportmodeldialog.h"
#include "plotstyle.h"
#include "resultsgallery.h"
#include "runstatus.h"

#include "qcustomplot_p.h"
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace visor {
namespace {

QString changesFrom(const QJsonObject &previous, const QJsonObject &current)
{
    const QJsonObject a = previous.value(QStringLiteral("parameters")).toObject();
    const QJsonObject b = current.value(QStringLiteral("parameters")).toObject();
    QStringList changed;
    for (auto it = b.begin(); it != b.end(); ++it)
        if (a.value(it.key()) != it.value())
            changed << QStringLiteral("%1=%2").arg(it.key(), ParameterRegistry::format(it.value()));
    return changed.join(QStringLiteral(", "));
}

QTableWidgetItem *item(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *i = new QTableWidgetItem(text);
    i->setTextAlignment(align);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

QString number(const QJsonValue &v, int decimals = 3)
{
    return v.isDouble() ? QLocale().toString(v.toDouble(), 'f', decimals) : QStringLiteral("–");
}

} // namespace

HistoryPage::HistoryPage(QWidget *parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, 7);
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Started"), tr("Duration"), tr("Status"), tr("Epochs"),
                                        tr("Test result"), tr("Changed from the previous run")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showRun(row); });

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_detail = new QTableWidget;
    m_detail->verticalHeader()->hide();
    m_detail->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_confusion = new QTableWidget;
    m_confusion->setToolTip(tr("Rows: true class; columns: predicted class"));
    m_curves = new QCustomPlot;
    m_curves->setMinimumHeight(200);
    m_curves->legend->setFont(QFont(font().family(), 8));
    legendBelow(m_curves);
    applyPalette(m_curves);
    m_curves->xAxis->setLabel(tr("epoch"));
    m_curves->yAxis->setLabel(tr("loss"));
    m_compare = new QComboBox;
    connect(m_compare, &QComboBox::currentIndexChanged, this, [this] { plotCurves(); });

    m_pr = new QCustomPlot;
    m_pr->setMinimumHeight(200);
    m_pr->legend->setFont(QFont(font().family(), 8));
    legendBelow(m_pr);
    applyPalette(m_pr);
    m_pr->xAxis->setLabel(tr("recall"));
    m_pr->yAxis->setLabel(tr("precision (IoU 0.5)"));
    m_gallery = new ResultsGallery;
    connect(m_gallery, &ResultsGallery::openExamples, this, &HistoryPage::openExamples);
    connect(m_gallery, &ResultsGallery::annotationsChanged, this, &HistoryPage::annotationsChanged);

    auto *metrics = new QWidget;
    auto *m = new QVBoxLayout(metrics);
    m->addWidget(m_summary);
    auto *tables = new QHBoxLayout;
    tables->addWidget(m_detail, 1);
    tables->addWidget(m_confusion, 1);
    tables->addWidget(m_pr, 1);
    m->addLayout(tables, 1);
    auto *curves = new QWidget;
    auto *c = new QVBoxLayout(curves);
    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(new QLabel(tr("Compare with:")));
    compareRow->addWidget(m_compare, 1);
    c->addLayout(compareRow);
    c->addWidget(m_curves, 1);
    m_tabs = new QTabWidget;
    m_tabs->addTab(metrics, tr("Test metrics"));
    m_tabs->addTab(m_gallery, tr("Test images"));
    m_tabs->addTab(curves, tr("Curves"));
    m_export = new QPushButton(tr("Export model…"));
    m_export->setToolTip(tr("Write the selected run's model as a bundle (ONNX) for visor-edge and other programs, "
                            "checked against the trained model"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, [this] { openExport(); });
    auto *runs = new QWidget;
    auto *runsLayout = new QVBoxLayout(runs);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_export);
    runsLayout->addLayout(actions);
    runsLayout->addWidget(m_table, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(runs);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void HistoryPage::setProject(Project *project)
{
    m_project = project;
    m_gallery->setProject(project);
    refresh();
}

void HistoryPage::refresh()
{
    m_runs = m_project ? train::RunStore(*m_project).runs() : std::vector<train::RunRecord>();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_runs.size()));
    const bool classification = m_project && m_project->kind() == DatasetKind::Classification;
    for (int i = 0; i < int(m_runs.size()); ++i) {
        const train::RunRecord &run = m_runs[size_t(i)];
        const qint64 seconds = run.started.isValid() && run.finished.isValid() ? run.started.secsTo(run.finished) : 0;
        QString result;
        if (classification)
            result = tr("accuracy %1").arg(number(run.metrics.value(QStringLiteral("accuracy"))));
        else
            result = tr("mAP@0.5 %1 · mAP %2")
                         .arg(number(run.metrics.value(QStringLiteral("map50"))),
                              number(run.metrics.value(QStringLiteral("map"))));
        m_table->setItem(i, 0, item(QString::number(run.id), Qt::AlignRight | Qt::AlignVCenter));
        m_table->setItem(i, 1, item(dateTimeText(run.started)));
        m_table->setItem(i, 2, item(tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60)));
        m_table->setItem(i, 3, item(runStatusText(run.status)));
        m_table->setItem(i, 4, item(QString::number(run.history.size()), Qt::AlignRight | Qt::AlignVCenter));
        m_table->setItem(i, 5, item(run.metrics.isEmpty() ? QStringLiteral("–") : result));
        m_table->setItem(
            i, 6, item(i == 0 ? tr("(first run)") : changesFrom(m_runs[size_t(i - 1)].parameters, run.parameters)));
    }
    m_table->resizeColumnsToContents();
    {
        const QSignalBlocker blockCompare(m_compare);
        m_compare->clear();
        m_compare->addItem(tr("no other run"), qint64(0));
        for (const auto &run : m_runs)
            m_compare->addItem(tr("run %1").arg(run.id), run.id);
    }
    selectRun(int(m_runs.size()) - 1);
}

void HistoryPage::selectRun(int row)
{
    if (row >= 0 && row < m_table->rowCount())
        m_table->setCurrentCell(row, 0);
    showRun(row);
}

namespace {

bool hasModel(const train::RunRecord &run)
{
    const QDir folder(run.folder);
    return !run.folder.isEmpty() && (QFile::exists(folder.filePath(QStringLiteral("best_model.pt"))) ||
                                     QFile::exists(folder.filePath(QStringLiteral("last_model.pt"))));
}

} // namespace

ExportModelDialog *HistoryPage::openExport()
{
    if (!m_project || m_selected < 0 || m_selected >= int(m_runs.size()) || !hasModel(m_runs[size_t(m_selected)]))
        return nullptr;
    auto *dialog = new ExportModelDialog(m_project->dir(), m_project->name(), m_runs[size_t(m_selected)].id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void HistoryPage::showRun(int row)
{
    m_selected = row;
    m_export->setEnabled(row >= 0 && row < int(m_runs.size()) && hasModel(m_runs[size_t(row)]) &&
                         m_runs[size_t(row)].status != QLatin1String("running"));
    m_detail->clear();
    m_detail->setRowCount(0);
    m_confusion->clear();
    m_confusion->setRowCount(0);
    m_confusion->setColumnCount(0);
    m_confusion->hide();
    m_pr->clearGraphs();
    m_pr->replot();
    if (row < 0 || row >= int(m_runs.size())) {
        m_gallery->clear();
        m_summary->setText(m_runs.empty() ? tr("No run yet: train on the Training page.") : QString());
        plotCurves();
        return;
    }
    const train::RunRecord &run = m_runs[size_t(row)];
    const QJsonObject &m = run.metrics;
    plotPrecisionRecall(m); // detection runs from this version on; nothing for classification
    if (run.status != QLatin1String("running") && run.status != QLatin1String("failed"))
        m_gallery->showRun(run.id);
    else
        m_gallery->clear();
    const bool classification = m.contains(QStringLiteral("accuracy"));
    QString head = tr("<b>Run %1</b> · %2 · best epoch %3 of %4")
                       .arg(run.id)
                       .arg(runStatusText(run.status))
                       .arg(m.value(QStringLiteral("best_epoch")).toInt())
                       .arg(run.history.size());
    if (classification) {
        const double acc = m.value(QStringLiteral("accuracy")).toDouble();
        head += tr("<br>Test accuracy <b>%L1%</b> on %2 examples — %3")
                    .arg(acc * 100, 0, 'f', 1)
                    .arg(m.value(QStringLiteral("examples")).toInt())
                    .arg(acc >= 0.9 ? tr("good (above 90%)") : tr("below the 90% that makes a good classifier"));
    } else if (m.contains(QStringLiteral("map50"))) {
        const double map50 = m.value(QStringLiteral("map50")).toDouble();
        head += tr("<br>Test mAP@0.5 <b>%L1</b>, mAP@[.5:.95] %L2 on %3 images — %4")
                    .arg(map50, 0, 'f', 3)
                    .arg(m.value(QStringLiteral("map")).toDouble(), 0, 'f', 3)
                    .arg(m.value(QStringLiteral("examples")).toInt())
                    .arg(map50 >= 0.6 ? tr("good (above 0.6)") : tr("below the 0.6 that makes a good detector"));
    }
    if (!run.message.isEmpty())
        head += QStringLiteral("<br>") + run.message.toHtmlEscaped();
    QString advice;
    for (const advise::RunAdvice &a : advise::adviseRun(run, m_project->kind()))
        if (a.code != QLatin1String("good") && a.code != QLatin1String("below_good")) // said above already
            advice += QStringLiteral("<li>%1</li>").arg(a.message.toHtmlEscaped());
    if (!advice.isEmpty())
        head += tr("<br><b>Advice</b>") + QStringLiteral("<ul style=\"margin-top:0\">%1</ul>").arg(advice);
    m_summary->setText(head);

    const QJsonArray perClass = m.value(QStringLiteral("per_class")).toArray();
    const QStringList columns =
        classification ? QStringList{tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Examples")}
                       : QStringList{tr("Class"), tr("AP@0.5"), tr("AP@[.5:.95]"), tr("Objects"), tr("Detections")};
    const QStringList keys = classification
                                 ? QStringList{QStringLiteral("precision"), QStringLiteral("recall"),
                                               QStringLiteral("f1"), QStringLiteral("support")}
                                 : QStringList{QStringLiteral("ap50"), QStringLiteral("ap"),
                                               QStringLiteral("ground_truths"), QStringLiteral("detections")};
    m_detail->setColumnCount(int(columns.size()));
    m_detail->setHorizontalHeaderLabels(columns);
    m_detail->setRowCount(int(perClass.size()));
    for (int i = 0; i < perClass.size(); ++i) {
        const QJsonObject c = perClass[i].toObject();
        m_detail->setItem(i, 0, item(c.value(QStringLiteral("class")).toString()));
        for (int k = 0; k < keys.size(); ++k) {
            const QJsonValue v = c.value(keys[k]);
            const bool count = k >= 2 && !classification ? true : keys[k] == QLatin1String("support");
            m_detail->setItem(i, k + 1,
                              item(count ? QString::number(v.toInt()) : number(v), Qt::AlignRight | Qt::AlignVCenter));
        }
    }
    m_detail->resizeColumnsToContents();

    const QJsonArray confusion = m.value(QStringLiteral("confusion")).toArray();
    if (!confusion.isEmpty()) {
        const int n = int(confusion.size());
        m_confusion->setRowCount(n);
        m_confusion->setColumnCount(n);
        QStringList names;
        for (int i = 0; i < perClass.size(); ++i)
            names << perClass[i].toObject().value(QStringLiteral("class")).toString();
        m_confusion->setHorizontalHeaderLabels(names);
        m_confusion->setVerticalHeaderLabels(names);
        double maxCount = 1;
        for (const auto &r : confusion)
            for (const auto &v : r.toArray())
                maxCount = std::max(maxCount, v.toDouble());
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                const double v = confusion[i].toArray()[j].toDouble();
                auto *cell = item(QString::number(int(v)), Qt::AlignCenter);
                const int alpha = int(200 * v / maxCount);
                cell->setBackground(i == j ? QColor(25, 135, 84, alpha) : QColor(220, 53, 69, alpha));
                m_confusion->setItem(i, j, cell);
            }
        m_confusion->show();
    }
    plotCurves();
}

void HistoryPage::plotPrecisionRecall(const QJsonObject &metrics)
{
    // The run's own test evaluation: the precision envelope (what AP@0.5 integrates) of each class at
    // recall 0, 0.01, ..., 1, with the AP of the metrics table, one source for both.
    static const QColor colors[] = {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
                                    QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                    QColor(227, 119, 194), QColor(127, 127, 127)};
    m_pr->clearGraphs();
    int k = 0;
    for (const QJsonValue &v : metrics.value(QStringLiteral("per_class")).toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonArray envelope = c.value(QStringLiteral("pr_envelope")).toArray();
        if (envelope.isEmpty())
            continue;
        QVector<double> r, p;
        for (int i = 0; i < envelope.size(); ++i) {
            r << i / double(envelope.size() - 1);
            p << envelope[i].toDouble();
        }
        QCPGraph *g = m_pr->addGraph();
        g->setData(r, p, true);
        g->setName(tr("%1 (AP %L2)")
                       .arg(c.value(QStringLiteral("class")).toString())
                       .arg(c.value(QStringLiteral("ap50")).toDouble(), 0, 'f', 3));
        g->setPen(QPen(colors[k++ % 8], 2));
        g->setLineStyle(QCPGraph::lsStepLeft);
    }
    m_pr->setVisible(k > 0);
    m_pr->xAxis->setRange(0, 1.02);
    m_pr->yAxis->setRange(0, 1.05);
    m_pr->replot();
}

void HistoryPage::plotCurves()
{
    m_curves->clearGraphs();
    auto add = [this](const train::RunRecord &run, bool dashed) {
        QVector<double> x, loss, val;
        for (const auto &e : run.history) {
            x << e.epoch;
            loss << e.loss;
            val << e.valLoss;
        }
        for (int k = 0; k < 2; ++k) {
            QCPGraph *g = m_curves->addGraph();
            g->setData(x, k == 0 ? loss : val);
            g->setName(tr("run %1 %2").arg(run.id).arg(k == 0 ? tr("loss") : tr("val_loss")));
            QPen pen(k == 0 ? QColor(31, 119, 180) : QColor(255, 127, 14), 2);
            if (dashed)
                pen.setStyle(Qt::DashLine);
            g->setPen(pen);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5)); // one epoch is a dot
        }
    };
    if (m_selected >= 0 && m_selected < int(m_runs.size()))
        add(m_runs[size_t(m_selected)], false);
    const qint64 other = m_compare->currentData().toLongLong();
    for (const auto &run : m_runs)
        if (run.id == other && (m_selected < 0 || run.id != m_runs[size_t(m_selected)].id))
            add(run, true);
    m_curves->rescaleAxes();
    m_curves->xAxis->setRange(0, std::max(1.0, m_curves->xAxis->range().upper) + 0.5);
    scaleValueAxis(m_curves, true, 1e-6);
    m_curves->replot();
}

} // namespace visor
