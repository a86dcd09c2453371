// `tflite classify MODEL IMAGE [--labels FILE] [--top K] [--json]`
import { ImageClassifier, LabelCountError } from '../tasks/image_classifier.js';
import { decodeImage } from '../tasks/image/decode.js';
import { parseLabels } from '../tasks/metadata.js';
import { CliError, parseCommand, readFile, reportError, UsageError } from './common.js';

export const CLASSIFY_USAGE = 'usage: tflite classify MODEL IMAGE [--labels FILE] [--top K] [--json]';

/**
 * Runs `tflite classify`; prints the top K classes (`1. label (0.83)` lines, or
 * {"top":[{index,label,score}]} with --json). Returns the exit code: 0, 1 on errors (one
 * `error:` line on stderr), 2 on usage errors.
 */
export async function classifyCommand(args: string[]): Promise<number> {
  let verbose = false;
  try {
    const { values, positionals } = parseCommand(args, { labels: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' } });
    verbose = values.verbose === true;
    if (positionals.length !== 2) throw new UsageError('classify takes a MODEL and an IMAGE');
    const topK = values.top === undefined ? 5 : Number(values.top);
    if (!Number.isInteger(topK) || topK < 1) throw new UsageError(`--top must be a positive integer, got '${values.top}'`);
    const [modelPath, imagePath] = positionals as [string, string];

    const modelBytes = readFile(modelPath, 'model');
    const imageBytes = readFile(imagePath, 'image');
    const labelsFile = values.labels as string | undefined;
    let labels: string[] | undefined;
    if (labelsFile !== undefined) {
      labels = parseLabels(new TextDecoder('utf-8').decode(readFile(labelsFile, 'labels')));
      if (labels.length === 0) throw new CliError(`labels file ${labelsFile} is empty`);
    }
    let classifier: ImageClassifier;
    try {
      classifier = await ImageClassifier.create(modelBytes, labels === undefined ? {} : { labels });
    } catch (e) {
      if (e instanceof LabelCountError && values.labels !== undefined) {
        throw new CliError(`labels file ${values.labels} has ${e.labelCount} lines, but the model has ${e.classCount} classes (expected ${e.classCount}, or ${e.classCount + 1} with a leading background line)`);
      }
      throw e;
    }
    let image;
    try {
      image = await decodeImage(imageBytes);
    } catch (e) {
      throw new CliError(`${imagePath}: ${(e as Error).message}`);
    }
    const top = classifier.classifyRgb(image, { topK });
    classifier.dispose();
    if (values.json) {
      console.log(JSON.stringify({ top }));
    } else {
      top.forEach((c, k) => console.log(`${k + 1}. ${c.label ?? `class ${c.index}`} (${c.score.toFixed(2)})`));
    }
    return 0;
  } catch (e) {
    return reportError(e, CLASSIFY_USAGE, verbose);
  }
}
