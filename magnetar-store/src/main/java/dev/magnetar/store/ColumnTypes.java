package dev.magnetar.store;

import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.generic.GenericTypes;

import java.lang.reflect.Type;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the model's value types are stored, registered once with JDBI so that records are bound with
 * {@code bindMethods} and read with {@code ConstructorMapper} field by field without a hand-written line
 * per field: string maps and lists as JSON text ({@link JsonColumns}), instants as UTC timestamps
 * ({@link Instants}). Enums are stored by name, JDBI's default.
 */
final class ColumnTypes {

    private static final GenericType<Map<String, String>> STRING_MAP = new GenericType<>() { };
    private static final GenericType<List<String>> STRING_LIST = new GenericType<>() { };
    private static final GenericType<List<NodeGroup>> NODE_GROUPS = new GenericType<>() { };
    private static final GenericType<Map<String, NodeGroupState>> NODE_GROUP_STATES = new GenericType<>() { };

    private ColumnTypes() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArguments());
        jdbi.registerArgument(new JsonArguments());
        jdbi.registerColumnMapper(Instant.class, (row, column, ctx) -> Instants.read(row, column));
        jdbi.registerColumnMapper(STRING_MAP, (row, column, ctx) -> JsonColumns.readMap(row.getString(column)));
        jdbi.registerColumnMapper(STRING_LIST, (row, column, ctx) -> JsonColumns.readList(row.getString(column)));
        jdbi.registerColumnMapper(NODE_GROUPS, (row, column, ctx) -> NodeGroupsJson.readGroups(row.getString(column)));
        jdbi.registerColumnMapper(NODE_GROUP_STATES,
                (row, column, ctx) -> NodeGroupsJson.readStates(row.getString(column)));
    }

    private static final class InstantArguments extends AbstractArgumentFactory<Instant> {
        InstantArguments() {
            super(Types.TIMESTAMP);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return Instants.argument(value);
        }
    }

    /**
     * Any map or list bound as a parameter is JSON text; the store binds no other maps or lists. Node groups
     * and their states go through {@link NodeGroupsJson}, which names their keys.
     */
    private static final class JsonArguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!Map.class.isAssignableFrom(raw) && !List.class.isAssignableFrom(raw)) {
                return Optional.empty();
            }
            return Optional.of(value -> value == null ? new NullArgument(Types.VARCHAR)
                    : (position, statement, ctx) -> statement.setString(position, write(value)));
        }

        /**
         * Chosen by the elements, so that the type a binding reports (erased or not) does not matter; an
         * empty list or map is the same text either way.
         */
        @SuppressWarnings("unchecked")
        private static String write(Object value) {
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof NodeGroup) {
                return NodeGroupsJson.writeGroups((List<NodeGroup>) list);
            }
            if (value instanceof Map<?, ?> map && !map.isEmpty()
                    && map.values().iterator().next() instanceof NodeGroupState) {
                return NodeGroupsJson.writeStates((Map<String, NodeGroupState>) map);
            }
            return JsonColumns.write(value);
        }
    }
}
