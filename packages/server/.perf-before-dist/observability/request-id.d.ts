export declare const REQUEST_ID_HEADER = "x-request-id";
export declare function requestIdFrom(header: string | string[] | undefined): string;
