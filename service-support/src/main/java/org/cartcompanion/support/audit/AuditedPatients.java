package org.cartcompanion.support.audit;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cartcompanion.support.paging.PageResponse;

/** Which patients a request and its answer concern, for the audit trail. */
final class AuditedPatients {

    private static final Pattern ACK_LINK_TOKEN = Pattern.compile("/ack-links/[^/]+");
    private static final Pattern INVITATION_CODE = Pattern.compile("/api/v1/invitations/[^/]+");

    private AuditedPatients() {
    }

    /** Path parameters named {@code patientId} (or {@code id} under /api/v1/patients) and the {@code patientId} query. */
    static void fromRequest(String path, Map<String, List<String>> pathParams, Map<String, List<String>> query,
            Set<UUID> into) {
        add(first(pathParams.get("patientId")), into);
        if (path.startsWith("/api/v1/patients/")) {
            add(first(pathParams.get("id")), into);
        }
        add(first(query.get("patientId")), into);
    }

    /**
     * The patient of each thing the answer holds: a {@code patientId} of the answer or of one of its parts, or of each item;
     * under a patients path ({@code /api/v1/patients}, {@code /internal/v1/patients}) the {@code id} of a patient itself.
     */
    static void fromEntity(String path, Object entity, Set<UUID> into) {
        boolean patients = path.startsWith("/api/v1/patients") || path.startsWith("/internal/v1/patients");
        fromEntity(entity, patients, into);
    }

    private static void fromEntity(Object entity, boolean patients, Set<UUID> into) {
        if (entity instanceof PageResponse<?> page) {
            page.items().forEach(item -> fromEntity(item, patients, into));
            return;
        }
        if (entity instanceof Collection<?> list) {
            list.forEach(item -> fromEntity(item, patients, into));
            return;
        }
        if (entity == null || !entity.getClass().isRecord()) {
            return;
        }
        UUID own = patientIdOf(entity);
        if (own == null && patients) {
            own = uuidComponent(entity, "id");
        }
        if (own != null) {
            into.add(own);
            return;
        }
        for (RecordComponent part : entity.getClass().getRecordComponents()) {
            UUID inner = patientIdOf(value(part, entity));
            if (inner != null) {
                into.add(inner);
                return;
            }
        }
    }

    /** An acknowledge link's token and an invitation's code are credentials: the trail shows where, not which. */
    static String redact(String path) {
        String shown = ACK_LINK_TOKEN.matcher(path).replaceAll("/ack-links/{token}");
        return INVITATION_CODE.matcher(shown).replaceAll("/api/v1/invitations/{code}");
    }

    private static UUID patientIdOf(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("patientId") && c.getType() == UUID.class) {
                    return (UUID) value(c, value);
                }
            }
            return null;
        }
        try {
            Field field = type.getField("patientId");
            return field.getType() == UUID.class ? (UUID) field.get(value) : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    private static UUID uuidComponent(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name) && c.getType() == UUID.class) {
                return (UUID) value(c, record);
            }
        }
        return null;
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void add(String value, Set<UUID> into) {
        if (value == null) {
            return;
        }
        try {
            into.add(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            // Not an id: nothing to record.
        }
    }
}
