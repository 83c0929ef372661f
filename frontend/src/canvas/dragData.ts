/** The drag data type of a palette item; its value is the entry id. */
export const paletteMime = "application/x-stepstudio-entry";
