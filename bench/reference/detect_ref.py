#!/usr/bin/python3
"""Reference trainer for bench_train's objdet speed comparison: Visor's objdet with the vgg7 backbone
(the same layers, initialisation, anchors, matching rules and losses as engine/nn/detector.cpp and
engine/nn/detection.cpp) trained with PyTorch 1.13 (Debian python3-torch) on the same images, batch
size and augmentation (bench/reference/augment_ref.py at the spec defaults), written as a PyTorch user
would. Prints "images_per_second <value>".

    /usr/bin/python3 bench/reference/detect_ref.py FOLDER [--steps 15] [--batch 10] [--threads 2]
        [--width 20] [--channels 1]

FOLDER holds image_XXXX.png, already at the network's input scale, boxes.txt (one line per image:
x1 y1 x2 y2 class ... in pixels) and classes.txt (the number of classes).
"""
import argparse
import math
import os
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.io import ImageReadMode, read_image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from augment_ref import augment  # noqa: E402

SIZES, STRIDES = [12, 24, 48, 96, 192], [8, 16, 32, 64, 128]
RATIOS, SCALES = [0.5, 1.0, 2.0], [1.0, 1.2, 1.5]
POSITIVE_IOU, NEGATIVE_IOU = 0.45, 0.3


def conv_bn_relu(inp, out):
    return [nn.Conv2d(inp, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True)]


def groups_for(channels):
    for g in (32, 16, 8, 4, 2):
        if channels % g == 0 and channels // g >= 2:
            return g
    return 1


class ObjDet(nn.Module):
    def __init__(self, channels, classes, width):
        super().__init__()
        config = [32, -1, 64, -1, 128, 128, -1, 256, 256, -1, 256, -1]  # vgg7
        layers, inp, pools, self.c_channels = [], channels, 0, []
        for c in config:
            if c < 0:
                layers.append(nn.MaxPool2d(2, ceil_mode=True))
                pools += 1
                if pools >= 3:
                    self.c_channels.append(inp)
            else:
                layers += conv_bn_relu(inp, c)
                inp = c
        self.layers = nn.ModuleList(layers)
        self.lateral = nn.ModuleList(nn.Conv2d(c, width, 1) for c in self.c_channels)
        self.smooth = nn.ModuleList(nn.Conv2d(width, width, 3, padding=1) for _ in range(3))
        self.p6 = nn.Conv2d(self.c_channels[2], width, 3, stride=2, padding=1)
        self.p7 = nn.Conv2d(width, width, 3, stride=2, padding=1)
        a = len(RATIOS) * len(SCALES)

        def tower():
            t = []
            for _ in range(2):
                t += [nn.Conv2d(width, width, 3, padding=1), nn.GroupNorm(groups_for(width), width), nn.ReLU()]
            return nn.Sequential(*t)
        self.cls_tower, self.box_tower = tower(), tower()
        self.cls_out = nn.Conv2d(width, a * classes, 3, padding=1)
        self.box_out = nn.Conv2d(width, a * 4, 3, padding=1)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight, 0, 0.01)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
        nn.init.constant_(self.cls_out.bias, -math.log((1 - 0.01) / 0.01))
        self.classes = classes

    def forward(self, x):
        c, pools = [], 0
        for m in self.layers:
            x = m(x)
            if isinstance(m, nn.MaxPool2d):
                pools += 1
                if pools >= 3:
                    c.append(x)
        p2 = self.lateral[2](c[2])
        p1 = self.lateral[1](c[1]) + F.interpolate(p2, size=c[1].shape[2:], mode="nearest")
        p0 = self.lateral[0](c[0]) + F.interpolate(p1, size=c[0].shape[2:], mode="nearest")
        p6 = self.p6(c[2])
        levels = [self.smooth[0](p0), self.smooth[1](p1), self.smooth[2](p2), p6, self.p7(F.relu(p6))]
        n = x.shape[0]
        logits = [self.cls_out(self.cls_tower(f)).permute(0, 2, 3, 1).reshape(n, -1, self.classes) for f in levels]
        deltas = [self.box_out(self.box_tower(f)).permute(0, 2, 3, 1).reshape(n, -1, 4) for f in levels]
        return torch.cat(logits, 1), torch.cat(deltas, 1)


def make_anchors(height, width):
    data = []
    for size, s in zip(SIZES, STRIDES):
        for y in range((height + s - 1) // s):
            for x in range((width + s - 1) // s):
                cx, cy = (x + 0.5) * s, (y + 0.5) * s
                for ratio in RATIOS:
                    for scale in SCALES:
                        side = size * scale
                        aw, ah = side / math.sqrt(ratio), side * math.sqrt(ratio)
                        data.append([cx - aw / 2, cy - ah / 2, cx + aw / 2, cy + ah / 2])
    return torch.tensor(data)


def box_iou(a, b):
    area_a = (a[:, 2] - a[:, 0]).clamp(min=0) * (a[:, 3] - a[:, 1]).clamp(min=0)
    area_b = (b[:, 2] - b[:, 0]).clamp(min=0) * (b[:, 3] - b[:, 1]).clamp(min=0)
    lt = torch.max(a[:, None, :2], b[None, :, :2])
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area_a[:, None] + area_b[None, :] - inter).clamp(min=1e-9)


def encode(anchors, boxes):
    aw, ah = anchors[:, 2] - anchors[:, 0], anchors[:, 3] - anchors[:, 1]
    ax, ay = anchors[:, 0] + 0.5 * aw, anchors[:, 1] + 0.5 * ah
    bw, bh = (boxes[:, 2] - boxes[:, 0]).clamp(min=1e-3), (boxes[:, 3] - boxes[:, 1]).clamp(min=1e-3)
    bx, by = boxes[:, 0] + 0.5 * bw, boxes[:, 1] + 0.5 * bh
    return torch.stack([(bx - ax) / aw, (by - ay) / ah, torch.log(bw / aw), torch.log(bh / ah)], 1)


def match(anchors, boxes, labels):
    result = torch.full((anchors.shape[0],), -1, dtype=torch.long)
    if boxes.shape[0] == 0:
        return result, torch.zeros(anchors.shape[0], dtype=torch.long)
    iou = box_iou(anchors, boxes)
    best, index = iou.max(1)
    result[best >= NEGATIVE_IOU] = -2
    positive = best >= POSITIVE_IOU
    result[positive] = labels[index[positive]]
    best_per_object = iou.max(0).values
    for g in range(boxes.shape[0]):
        if best_per_object[g] <= 0:
            continue
        claims = iou[:, g] == best_per_object[g]
        result[claims] = labels[g]
        index[claims] = g
    return result, index


def focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    pt = p * targets + (1 - p) * (1 - targets)
    return (ce * (1 - pt) ** gamma * (alpha * targets + (1 - alpha) * (1 - targets))).sum()


def detection_loss(logits, deltas, anchors, boxes, labels):
    cls_losses, box_losses, positives = [], [], 0
    for i in range(len(boxes)):
        assigned, matched = match(anchors, boxes[i], labels[i])
        pos = assigned >= 0
        positives += int(pos.sum())
        target = torch.zeros(anchors.shape[0], logits.shape[2])
        if pos.any():
            idx = pos.nonzero().squeeze(1)
            target[idx, assigned[idx]] = 1.0
            wanted = encode(anchors[idx], boxes[i][matched[idx]])
            box_losses.append(F.smooth_l1_loss(deltas[i][idx], wanted, reduction="sum", beta=1.0 / 9))
        valid = (assigned != -2).nonzero().squeeze(1)
        cls_losses.append(focal_loss(logits[i][valid], target[valid]))
    norm = max(1, positives)
    box = torch.stack(box_losses).sum() / norm if box_losses else 0 * deltas.sum()
    return torch.stack(cls_losses).sum() / norm + box


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--steps", type=int, default=15)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--width", type=int, default=20)
    parser.add_argument("--channels", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    mode = ImageReadMode.GRAY if args.channels == 1 else ImageReadMode.RGB
    names = sorted(f for f in os.listdir(args.folder) if f.endswith(".png"))
    images = [read_image(os.path.join(args.folder, f), mode) for f in names]
    all_boxes = []
    with open(os.path.join(args.folder, "boxes.txt")) as f:
        for line in f:
            v = [float(x) for x in line.split()]
            all_boxes.append([tuple(v[i:i + 5]) for i in range(0, len(v), 5)])
    with open(os.path.join(args.folder, "classes.txt")) as f:
        classes = int(f.read())
    model = ObjDet(args.channels, classes, args.width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    rng = random.Random(1)
    mean = torch.tensor(114.8) if args.channels == 1 else torch.tensor([103.939, 116.779, 123.68]).view(1, 3, 1, 1)
    anchor_cache = {}

    def step():
        idx = [rng.randrange(len(images)) for _ in range(args.batch)]
        batch, boxes, labels = [], [], []
        for i in idx:
            img, mapped = augment(images[i], [b[:4] for b in all_boxes[i]], rng)
            kept = [(m, b[4]) for m, b in zip(mapped, all_boxes[i]) if m is not None]
            batch.append(img)
            boxes.append(torch.tensor([m for m, _ in kept], dtype=torch.float32).view(-1, 4))
            labels.append(torch.tensor([int(c) for _, c in kept], dtype=torch.long))
        h = (max(b.shape[1] for b in batch) + 31) // 32 * 32
        w = (max(b.shape[2] for b in batch) + 31) // 32 * 32
        x = torch.zeros(len(batch), args.channels, h, w)
        for k, b in enumerate(batch):
            x[k, :, :b.shape[1], :b.shape[2]] = b.float()
        x -= mean
        if (h, w) not in anchor_cache:
            anchor_cache[(h, w)] = make_anchors(h, w)
        logits, deltas = model(x)
        loss = detection_loss(logits, deltas, anchor_cache[(h, w)], boxes, labels)
        opt.zero_grad()
        loss.backward()
        opt.step()

    model.train()
    for _ in range(3):  # warm-up
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    elapsed = time.perf_counter() - start
    print("images_per_second %.2f" % (args.steps * args.batch / elapsed))


if __name__ == "__main__":
    main()
