// Submits one check-in through the TypeScript client generated from patient-service's OpenAPI document, the way the
// phone app does (API.md, "Check in"), so a broken contract shows up as a compile error or a failed call here.
//
//   BASE_URL    patient-service, e.g. http://localhost:8081
//   TOKEN       the bearer token of the patient or of a linked caregiver
//   PATIENT_ID  the patient's id (UUID)
//   IDEMPOTENCY_KEY  optional, at most 64 characters; default a new random UUID (the same key and body replay the answer)
//
// Exit status: 0 the check-in was stored (the answer, one JSON line, on stdout); 1 the service answered with an HTTP
// error (status and problem+json body on stderr); 2 missing or bad environment; 3 the service could not be reached.
import { randomUUID } from 'node:crypto';

import {
    CheckInsApi,
    CheckInResponseToJSON,
    Configuration,
    FetchError,
    Method,
    ResponseError,
    Unit,
    type CheckInRequest,
} from './build/ts-client';

const TIMEOUT_MS = 30_000;

function env(name: string): string {
    const value = process.env[name]?.trim();
    if (!value) {
        console.error(`${name} is not set (needed: BASE_URL, TOKEN, PATIENT_ID)`);
        process.exit(2);
    }
    return value;
}

async function main(): Promise<number> {
    const baseUrl = env('BASE_URL').replace(/\/+$/, '');
    const token = env('TOKEN');
    const patientId = env('PATIENT_ID');
    const idempotencyKey = process.env['IDEMPOTENCY_KEY']?.trim() || randomUUID();
    if (idempotencyKey.length > 64) {
        console.error('IDEMPOTENCY_KEY is longer than 64 characters');
        return 2;
    }

    const api = new CheckInsApi(new Configuration({ basePath: baseUrl, accessToken: token }));
    // A fever at home: only recordedAt is required; the temperature is what makes it worth triaging.
    const checkIn: CheckInRequest = {
        recordedAt: new Date(),
        temperature: { value: 38.6, unit: Unit.C, method: Method.Oral },
    };

    try {
        const response = await api.submitCheckInRaw(
            { id: patientId, idempotencyKey, checkInRequest: checkIn },
            { signal: AbortSignal.timeout(TIMEOUT_MS) },
        );
        const body = await response.value();
        process.stdout.write(JSON.stringify(CheckInResponseToJSON(body)) + '\n');
        return 0;
    } catch (error) {
        if (error instanceof ResponseError) {
            const problem = await error.response.text().catch(() => '');
            console.error(`HTTP ${error.response.status} ${error.response.statusText}`.trimEnd());
            console.error(oneLine(problem));
            return 1;
        }
        if (error instanceof FetchError) {
            console.error(`cannot reach ${baseUrl}: ${describe(error.cause)}`);
            return 3;
        }
        throw error;
    }
}

/** A problem+json body on one line when it is JSON, else as it came. */
function oneLine(body: string): string {
    try {
        return JSON.stringify(JSON.parse(body));
    } catch {
        return body;
    }
}

/** Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, a time-out, …) is in its cause. */
function describe(error: unknown): string {
    const parts: string[] = [];
    for (let e: unknown = error; e instanceof Error && parts.length < 4; e = e.cause) {
        const code = (e as { code?: unknown }).code;
        parts.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
    }
    return parts.length > 0 ? parts.join(': ') : String(error);
}

main().then(
    (status) => process.exit(status),
    (error: unknown) => {
        console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        process.exit(1);
    },
);
