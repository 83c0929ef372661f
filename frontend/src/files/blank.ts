// A new workflow with no steps: the canvas then says what to do, and the
// first step dropped or picked becomes its start.

export const blankName = "untitled.asl.json";

export const blankText = '{\n  "StartAt": "",\n  "States": {}\n}\n';
