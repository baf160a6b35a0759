#!/usr/bin/python3
"""Reference augmentation pipeline for bench_augment: the transforms of Visor's augment.* contract at
their spec defaults, written as one would with torchvision 0.14 (Debian python3-torchvision) on uint8
tensors, boxes included. Prints one line: "images_per_second <value>".

    /usr/bin/python3 bench/reference/augment_ref.py FOLDER [--n 200] [--threads 1]

FOLDER holds image_XX.png and boxes.txt (one line per image: x1 y1 x2 y2 ... in pixels), written by
bench_augment so both pipelines see the same inputs.
"""
import argparse
import math
import os
import random
import time

import torch
import torchvision.transforms.functional as TF
from torchvision.io import read_image
from torchvision.transforms import InterpolationMode

P = 0.3  # every probability's default
ROTATE, SHEAR, SCALE = (-20.0, 20.0), (-10.0, 10.0), (0.8, 1.2)
TRANSLATE_X, TRANSLATE_Y, ATTEMPTS = (-0.2, 0.2), (-0.2, 0.2), 3
CONTRAST, BRIGHTNESS, GAMMA = (0.8, 1.2), (-0.2, 0.3), (0.4, 1.6)
SATURATION, HUE, NOISE_SIGMA, BLUR_KERNEL = (0.5, 1.5), (-0.05, 0.05), 0.1 * 255, 5


def affine_matrix(w, h, out_w, out_h, flip_h, flip_v, scale, shear, angle, dx, dy):
    """Forward 3x3 map of box coordinates, about the image centre (the same composition as Visor)."""
    def mul(a, b):
        return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]
    m = [[1, 0, -w / 2], [0, 1, -h / 2], [0, 0, 1]]
    if flip_h:
        m = mul([[-1, 0, 0], [0, 1, 0], [0, 0, 1]], m)
    if flip_v:
        m = mul([[1, 0, 0], [0, -1, 0], [0, 0, 1]], m)
    m = mul([[scale, 0, 0], [0, scale, 0], [0, 0, 1]], m)
    m = mul([[1, math.tan(math.radians(shear)), 0], [0, 1, 0], [0, 0, 1]], m)
    a = math.radians(angle)
    m = mul([[math.cos(a), math.sin(a), 0], [-math.sin(a), math.cos(a), 0], [0, 0, 1]], m)
    return mul([[1, 0, out_w / 2 + dx], [0, 1, out_h / 2 + dy], [0, 0, 1]], m)


def map_boxes(boxes, m, w, h):
    out = []
    for (x1, y1, x2, y2) in boxes:
        xs, ys = [], []
        for (x, y) in ((x1, y1), (x2, y1), (x1, y2), (x2, y2)):
            xs.append(m[0][0] * x + m[0][1] * y + m[0][2])
            ys.append(m[1][0] * x + m[1][1] * y + m[1][2])
        bx1, by1, bx2, by2 = min(xs), min(ys), max(xs), max(ys)
        area = (bx2 - bx1) * (by2 - by1)
        cx1, cy1, cx2, cy2 = max(0, bx1), max(0, by1), min(w, bx2), min(h, by2)
        if cx2 - cx1 < 2 or cy2 - cy1 < 2 or (cx2 - cx1) * (cy2 - cy1) < 0.25 * area:
            out.append(None)
        else:
            out.append((cx1, cy1, cx2, cy2))
    return out


def augment(img, boxes, rng):
    on = {t: rng.random() < P for t in ("fh", "fv", "scale", "shear", "rotate", "translate", "contrast",
                                         "brightness", "gamma", "saturation", "hue", "noise", "blur")}
    scale = rng.uniform(*SCALE) if on["scale"] else 1.0
    shear = rng.uniform(*SHEAR) if on["shear"] else 0.0
    angle = rng.uniform(*ROTATE) if on["rotate"] else 0.0
    _, h, w = img.shape
    out_w, out_h = w, h
    if on["rotate"]:  # rotate's "resize": enlarge the canvas so nothing is cut
        a = math.radians(angle)
        out_w = round(abs(w * math.cos(a)) + abs(h * math.sin(a)))
        out_h = round(abs(w * math.sin(a)) + abs(h * math.cos(a)))
    dx = dy = 0.0
    base = map_boxes(boxes, affine_matrix(w, h, out_w, out_h, on["fh"], on["fv"], scale, shear, angle, 0, 0), out_w, out_h)
    if on["translate"]:
        for _ in range(ATTEMPTS):
            tx, ty = rng.uniform(*TRANSLATE_X) * out_w, rng.uniform(*TRANSLATE_Y) * out_h
            trial = map_boxes(boxes, affine_matrix(w, h, out_w, out_h, on["fh"], on["fv"], scale, shear, angle, tx, ty), out_w, out_h)
            if all(t is not None or b is None for b, t in zip(base, trial)):
                dx, dy, base = tx, ty, trial
                break
    new_boxes = [b for b in base if b is not None]

    if on["fh"]:
        img = TF.hflip(img)
    if on["fv"]:
        img = TF.vflip(img)
    if on["rotate"]:
        img = TF.rotate(img, angle, interpolation=InterpolationMode.BILINEAR, expand=True, fill=0)
    if on["scale"] or on["shear"] or on["translate"]:
        img = TF.affine(img, angle=0.0, translate=[int(dx), int(dy)], scale=scale, shear=[shear, 0.0],
                        interpolation=InterpolationMode.BILINEAR, fill=0)
    if on["contrast"]:
        img = TF.adjust_contrast(img, rng.uniform(*CONTRAST))
    if on["brightness"]:  # additive, a fraction of full scale (the contract's definition)
        img = (img.float() + rng.uniform(*BRIGHTNESS) * 255).clamp_(0, 255).to(torch.uint8)
    if on["gamma"]:
        img = TF.adjust_gamma(img, rng.uniform(*GAMMA))
    if on["saturation"]:
        img = TF.adjust_saturation(img, rng.uniform(*SATURATION))
    if on["hue"]:
        img = TF.adjust_hue(img, rng.uniform(*HUE))
    if on["noise"]:
        img = (img.float() + torch.randn(img.shape) * NOISE_SIGMA).clamp_(0, 255).to(torch.uint8)
    if on["blur"]:
        img = TF.gaussian_blur(img, [BLUR_KERNEL, BLUR_KERNEL])
    return img, new_boxes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    names = sorted(f for f in os.listdir(args.folder) if f.endswith(".png"))
    images = [read_image(os.path.join(args.folder, f)) for f in names]
    with open(os.path.join(args.folder, "boxes.txt")) as f:
        all_boxes = []
        for line in f:
            v = [float(x) for x in line.split()]
            all_boxes.append([tuple(v[i:i + 4]) for i in range(0, len(v), 4)])
    rng = random.Random(1)
    torch.manual_seed(1)
    for i in range(10):  # warm-up
        augment(images[i % len(images)], all_boxes[i % len(images)], rng)
    start = time.perf_counter()
    for i in range(args.n):
        augment(images[i % len(images)], all_boxes[i % len(images)], rng)
    elapsed = time.perf_counter() - start
    print("images_per_second %.2f" % (args.n / elapsed))


if __name__ == "__main__":
    main()
