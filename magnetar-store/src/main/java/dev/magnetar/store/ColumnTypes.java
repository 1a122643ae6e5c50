package dev.magnetar.store;

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

    private ColumnTypes() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArguments());
        jdbi.registerArgument(new JsonArguments());
        jdbi.registerColumnMapper(Instant.class, (row, column, ctx) -> Instants.read(row, column));
        jdbi.registerColumnMapper(STRING_MAP, (row, column, ctx) -> JsonColumns.readMap(row.getString(column)));
        jdbi.registerColumnMapper(STRING_LIST, (row, column, ctx) -> JsonColumns.readList(row.getString(column)));
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

    /** Any map or list bound as a parameter is JSON text; the store binds no other maps or lists. */
    private static final class JsonArguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!Map.class.isAssignableFrom(raw) && !List.class.isAssignableFrom(raw)) {
                return Optional.empty();
            }
            return Optional.of(value -> value == null ? new NullArgument(Types.VARCHAR)
                    : (position, statement, ctx) -> statement.setString(position, JsonColumns.write(value)));
        }
    }
}
