"use client";

import { useEffect, useRef, useState } from "react";

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorCtor | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  return Detector && typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function" ? Detector : null;
}

/**
 * Reads a card's QR code with the device camera through the browser's BarcodeDetector and
 * submits the number as the terminal's search. Browsers without it (or without a camera) get a
 * message and keep the typed search.
 */
export function QrScanner({ labels, fieldName = "q" }: { labels: { scan: string; stop: string; unsupported: string; denied: string }; fieldName?: string }) {
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const Detector = detectorClass();
    if (!scanning || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current) return;
          const codes = await detector.detect(video.current).catch(() => []);
          const value = codes[0]?.rawValue;
          if (!value) return;
          const form = button.current?.form;
          const input = form?.elements.namedItem(fieldName);
          if (form && input instanceof HTMLInputElement) {
            input.value = value;
            setScanning(false);
            form.requestSubmit();
          }
        }, 300);
      })
      .catch(() => {
        setProblem(labels.denied);
        setScanning(false);
      });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [scanning, labels.denied, fieldName]);

  return (
    <div className="flex flex-col gap-2">
      <button
        ref={button}
        type="button"
        onClick={() => {
          if (!detectorClass()) {
            setProblem(labels.unsupported);
            return;
          }
          setProblem(null);
          setScanning((s) => !s);
        }}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
      >
        {scanning ? labels.stop : labels.scan}
      </button>
      {scanning && <video ref={video} muted playsInline className="w-full max-w-xs rounded-md border border-slate-300" />}
      {problem && (
        <p role="alert" className="text-sm text-amber-900">
          {problem}
        </p>
      )}
    </div>
  );
}
