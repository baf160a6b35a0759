#pragma once
/// train.class_balance: what the trainer does about imbalanced classes. Plain C++, so that tests can
/// check what is sampled and weighed without training.

#include "project/types.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace visor::train {

enum class ClassBalance { None, Sampling, LossWeights };
ClassBalance parseClassBalance(const QString &value); // "none", "sampling", "loss_weights"

/// Per-class weights for the loss: inverse frequency, normalised to mean 1 over the classes present,
/// capped at 10 (a class with one example would otherwise dominate every step). Absent classes get 1.
std::vector<double> classLossWeights(const std::vector<qint64> &counts);

/// Sampling weight of each training example. Classification: inverse frequency of its class (every class
/// drawn equally often). Detection: the repeat factor of LVIS (Gupta et al. 2019), sqrt(f_max / f_c) of the
/// rarest class in the image, f_c the share of images holding class c; images without boxes weigh 1.
std::vector<double> sampleWeights(DatasetKind kind, const std::vector<int> &labels,
                                  const std::vector<std::vector<Box>> &boxes, int classes);

/// `n` indices drawn with replacement in proportion to `weights`, reproducible from (seed, epoch, pass).
std::vector<int64_t> weightedOrder(const std::vector<double> &weights, size_t n, quint64 seed, quint64 epoch,
                                   quint64 pass);

} // namespace visor::train
