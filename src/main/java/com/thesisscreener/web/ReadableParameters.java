package com.thesisscreener.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, before any controller, a request whose query string or form is not percent-encoded UTF-8
 * ({@code ?q=%ff}): the servlet container throws on the first read of any parameter, wherever that happens, which
 * answered 500. An {@link InvalidRequestException} here gets the 400 every endpoint gives a request it cannot read,
 * a problem document or, for a browser, a page. A multipart body is left to the multipart resolver (its size limits
 * have answers of their own); its query string is checked like any other.
 */
@Configuration
class ReadableParameters implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                requireReadable(request);
                return true;
            }
        });
    }

    static void requireReadable(HttpServletRequest request) {
        if (!isUtf8PercentEncoded(request.getQueryString())) throw unreadable("query string");
        if (isMultipart(request)) return;
        try {
            request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            throw unreadable("form");
        }
    }

    /** Whether every %XX escape of {@code query} is a hex pair and the bytes they make are UTF-8. */
    static boolean isUtf8PercentEncoded(String query) {
        if (query == null || query.indexOf('%') < 0) return true;
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c != '%') {
                if (c > 0x7F) return false;
                bytes.put((byte) c);
                continue;
            }
            if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1)) || !HexFormat.isHexDigit(query.charAt(i + 2))) {
                return false;
            }
            bytes.put((byte) HexFormat.fromHexDigits(query, i + 1, i + 3));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static InvalidRequestException unreadable(String part) {
        return new InvalidRequestException("the " + part + " cannot be read: a %-escaped value is not UTF-8 or is cut short; "
                + "encode every value as UTF-8 and escape it (e.g. with encodeURIComponent)", null);
    }
}
