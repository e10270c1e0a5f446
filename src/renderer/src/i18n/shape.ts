/** The same keys as the English strings, any text: how a translation is typed against en. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
