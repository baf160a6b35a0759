// Detector training targets and outputs: box coding, anchor matching, focal loss, post-processing.

#include "export/runtime.h"
#include "model_p.h"

#include <cmath>
#include <numeric>
#include <torch/torch.h>

namespace visor::nn {

at::Tensor boxIou(const at::Tensor &a, const at::Tensor &b)
{
    const auto areaA = (a.select(1, 2) - a.select(1, 0)).clamp_min(0) * (a.select(1, 3) - a.select(1, 1)).clamp_min(0);
    const auto areaB = (b.select(1, 2) - b.select(1, 0)).clamp_min(0) * (b.select(1, 3) - b.select(1, 1)).clamp_min(0);
    const auto lt = torch::max(a.unsqueeze(1).slice(2, 0, 2), b.unsqueeze(0).slice(2, 0, 2));
    const auto rb = torch::min(a.unsqueeze(1).slice(2, 2, 4), b.unsqueeze(0).slice(2, 2, 4));
    const auto wh = (rb - lt).clamp_min(0);
    const auto inter = wh.select(2, 0) * wh.select(2, 1);
    return inter / (areaA.unsqueeze(1) + areaB.unsqueeze(0) - inter).clamp_min(1e-9);
}

at::Tensor encodeBoxes(const at::Tensor &anchors, const at::Tensor &boxes)
{
    const auto aw = anchors.select(1, 2) - anchors.select(1, 0), ah = anchors.select(1, 3) - anchors.select(1, 1);
    const auto ax = anchors.select(1, 0) + 0.5 * aw, ay = anchors.select(1, 1) + 0.5 * ah;
    const auto bw = (boxes.select(1, 2) - boxes.select(1, 0)).clamp_min(1e-3);
    const auto bh = (boxes.select(1, 3) - boxes.select(1, 1)).clamp_min(1e-3);
    const auto bx = boxes.select(1, 0) + 0.5 * bw, by = boxes.select(1, 1) + 0.5 * bh;
    return torch::stack({(bx - ax) / aw, (by - ay) / ah, torch::log(bw / aw), torch::log(bh / ah)}, 1);
}

at::Tensor decodeBoxes(const at::Tensor &anchors, const at::Tensor &deltas)
{
    const double clampLog = std::log(1000.0 / 16); // as torchvision's BoxCoder
    const auto aw = anchors.select(1, 2) - anchors.select(1, 0), ah = anchors.select(1, 3) - anchors.select(1, 1);
    const auto ax = anchors.select(1, 0) + 0.5 * aw, ay = anchors.select(1, 1) + 0.5 * ah;
    const auto cx = deltas.select(1, 0) * aw + ax, cy = deltas.select(1, 1) * ah + ay;
    const auto w = torch::exp(deltas.select(1, 2).clamp_max(clampLog)) * aw;
    const auto h = torch::exp(deltas.select(1, 3).clamp_max(clampLog)) * ah;
    return torch::stack({cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h}, 1);
}

at::Tensor matchAnchors(const at::Tensor &anchors, const at::Tensor &boxes, const at::Tensor &labels,
                        double positiveIou, double negativeIou, at::Tensor *matched)
{
    const int64_t A = anchors.size(0);
    auto result = torch::full({A}, -1, torch::kLong);
    if (boxes.size(0) == 0) {
        if (matched)
            *matched = torch::zeros({A}, torch::kLong);
        return result;
    }
    const auto iou = boxIou(anchors, boxes); // (A, G)
    const auto [best, index] = iou.max(1);   // per anchor
    result.masked_fill_(best >= negativeIou, -2);
    const auto positive = best >= positiveIou;
    result.masked_scatter_(positive, labels.index_select(0, index).masked_select(positive));
    // Each object claims its best anchors (ties included) whatever their IoU.
    auto assigned = index.clone();
    const auto bestPerObject = std::get<0>(iou.max(0)); // (G)
    for (int64_t g = 0; g < boxes.size(0); ++g) {
        if (bestPerObject[g].item<float>() <= 0)
            continue;
        const auto claims = iou.select(1, g).eq(bestPerObject[g]);
        result.masked_fill_(claims, labels[g].item<int64_t>());
        assigned.masked_fill_(claims, g);
    }
    if (matched)
        *matched = assigned;
    return result;
}

at::Tensor sigmoidFocalLoss(const at::Tensor &logits, const at::Tensor &targets, double alpha, double gamma,
                            const at::Tensor &classWeights)
{
    const auto p = torch::sigmoid(logits);
    const auto ce = torch::binary_cross_entropy_with_logits(logits, targets, {}, {}, at::Reduction::None);
    const auto pt = p * targets + (1 - p) * (1 - targets);
    auto loss = ce * torch::pow(1 - pt, gamma);
    if (alpha >= 0)
        loss = loss * (alpha * targets + (1 - alpha) * (1 - targets));
    if (classWeights.defined())
        loss = loss * classWeights.unsqueeze(0);
    return loss.sum();
}

DetectionLoss detectionLoss(const DetectorOutput &output, const at::Tensor &anchors,
                            const std::vector<at::Tensor> &boxes, const std::vector<at::Tensor> &labels,
                            double positiveIou, double negativeIou, const at::Tensor &classWeights)
{
    const int64_t K = output.logits.size(2);
    std::vector<at::Tensor> clsLosses, boxLosses;
    int64_t positives = 0;
    for (size_t i = 0; i < boxes.size(); ++i) {
        at::Tensor matched;
        const auto assigned = matchAnchors(anchors, boxes[i], labels[i], positiveIou, negativeIou, &matched);
        const auto valid = assigned.ne(-2);
        const auto pos = assigned.ge(0);
        positives += pos.sum().item<int64_t>();
        auto target = torch::zeros({anchors.size(0), K}, output.logits.options());
        if (pos.any().item<bool>()) {
            const auto posIdx = pos.nonzero().squeeze(1);
            target.index_put_({posIdx, assigned.index_select(0, posIdx)}, 1.0);
            const auto wanted =
                encodeBoxes(anchors.index_select(0, posIdx), boxes[i].index_select(0, matched.index_select(0, posIdx)));
            boxLosses.push_back(torch::smooth_l1_loss(output.deltas[int64_t(i)].index_select(0, posIdx), wanted,
                                                      at::Reduction::Sum, 1.0 / 9));
        }
        const auto validIdx = valid.nonzero().squeeze(1);
        clsLosses.push_back(sigmoidFocalLoss(output.logits[int64_t(i)].index_select(0, validIdx),
                                             target.index_select(0, validIdx), 0.25, 2.0, classWeights));
    }
    const double norm = double(std::max<int64_t>(1, positives));
    DetectionLoss out;
    out.classification = torch::stack(clsLosses).sum() / norm;
    out.box = boxLosses.empty() ? torch::zeros({}, output.deltas.options()) + 0 * output.deltas.sum()
                                : torch::stack(boxLosses).sum() / norm;
    out.total = out.classification + out.box;
    out.positives = positives;
    return out;
}

ImageDetections postprocess(const at::Tensor &logits, const at::Tensor &deltas, const at::Tensor &anchors,
                            double scoreThreshold, double iouThreshold, int maxBoxes, int64_t width, int64_t height)
{
    // The selection (candidates, clipping, class-wise NMS) is the exported models' runtime's own, so
    // that Visor's evaluation and an exported model's differ only by the network's arithmetic.
    torch::NoGradGuard noGrad;
    const at::Tensor scores = torch::sigmoid(logits).to(at::kCPU, at::kFloat).contiguous();
    const at::Tensor boxes = decodeBoxes(anchors, deltas).to(at::kCPU, at::kFloat).contiguous();
    const auto found =
        deploy::selectDetections(boxes.data_ptr<float>(), scores.data_ptr<float>(), int(scores.size(0)),
                                 int(scores.size(1)), scoreThreshold, iouThreshold, maxBoxes, int(width), int(height));
    ImageDetections out;
    for (const deploy::Detection &d : found) {
        out.boxes.push_back(d.box);
        out.labels.push_back(d.label);
        out.scores.push_back(d.score);
    }
    return out;
}

} // namespace visor::nn
